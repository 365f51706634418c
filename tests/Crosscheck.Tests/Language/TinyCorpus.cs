using Crosscheck.Language.Tagging;

namespace Crosscheck.Tests.Language;

/// <summary>A small made-up corpus with part-of-speech and entity tags, written out in the formats the reader knows.</summary>
internal static class TinyCorpus
{
    private static readonly string[] People = ["Anna Berg", "Omar Haddad", "Li Wei", "Maria Costa", "John Reed", "Sara Nolan"];
    private static readonly string[] Places = ["Lisbon", "Nairobi", "Quito", "Oslo", "Hanoi", "Dakar"];
    private static readonly string[] Agencies = ["Red Cross", "World Bank", "Harbor Authority"];

    /// <summary>Sentences like "Anna Berg visited Lisbon ." and "The Red Cross said Omar Haddad left Quito ." with tags.</summary>
    public static List<TaggedSentence> Sentences()
    {
        var sentences = new List<TaggedSentence>();
        for (var i = 0; i < 36; i++)
        {
            var person = People[i % People.Length].Split(' ');
            var place = Places[i * 5 % Places.Length];
            var agency = Agencies[i % Agencies.Length].Split(' ');
            List<(string Word, string Pos, string Bio)> tokens = i % 2 == 0
                ?
                [
                    (person[0], "NNP", "B-PERSON"), (person[1], "NNP", "I-PERSON"), ("visited", "VBD", "O"),
                    (place, "NNP", "B-LOC"), ("on", "IN", "O"), ("Monday", "NNP", "O"), (".", ".", "O"),
                ]
                :
                [
                    ("The", "DT", "O"), (agency[0], "NNP", "B-ORG"), (agency[1], "NNP", "I-ORG"), ("said", "VBD", "O"),
                    (person[0], "NNP", "B-PERSON"), (person[1], "NNP", "I-PERSON"), ("left", "VBD", "O"), (place, "NNP", "B-LOC"), (".", ".", "O"),
                ];
            sentences.Add(new TaggedSentence("tiny", i, [.. tokens.Select(t => t.Word)], [.. tokens.Select(t => t.Pos)], [.. tokens.Select(t => t.Bio)]));
        }
        return sentences;
    }

    /// <summary>The corpus as GMB CSV (our type names are accepted beside GMB's).</summary>
    public static string AsGmbCsv()
    {
        var lines = new List<string> { "Sentence #,Word,POS,Tag" };
        foreach (var s in Sentences())
            for (var i = 0; i < s.Words.Length; i++)
                lines.Add($"{(i == 0 ? $"Sentence: {s.Index + 1}" : "")},{s.Words[i]},{s.Pos![i]},{s.Entities![i]}");
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The corpus as CoNLL-03-style <c>token tag</c> lines with CoNLL type names.</summary>
    public static string AsConll()
    {
        var lines = new List<string>();
        foreach (var s in Sentences())
        {
            for (var i = 0; i < s.Words.Length; i++) lines.Add($"{s.Words[i]} {s.Entities![i].Replace("PERSON", "PER")}");
            lines.Add("");
        }
        return string.Join('\n', lines);
    }
}
