using System.Text;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Tests.Events;

/// <summary>A made-up plain-text article (front matter allowed) read as <c>analyze</c> reads a file: document, pipeline, events.</summary>
internal static class ArticleText
{
    public static ArticleReading Read(string text)
    {
        var document = new DocumentReader().ReadBytes("t.txt", Encoding.UTF8.GetBytes(text), ".txt").Single().Document!;
        return EventReader.Default.Read(StandardPipeline.Default.Process(document));
    }
}
