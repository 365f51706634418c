using System.CommandLine;
using System.Globalization;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Cli.Commands;

/// <summary>
/// <c>crosscheck gazetteer build-geo --from DIR --out DIR</c>: derives the shipped GeoNames files;
/// <c>crosscheck gazetteer lookup TEXT [--gazetteer FILE]...</c>: shows what the gazetteers match in a text.
/// </summary>
internal static class GazetteerCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("gazetteer", "Build or query the gazetteers");
        command.Subcommands.Add(BuildGeo(stdout));
        command.Subcommands.Add(Lookup(stdout));
        return command;
    }

    private static Command BuildGeo(TextWriter stdout)
    {
        var from = new Option<string>("--from") { Description = "Folder with countryInfo.txt, admin1CodesASCII.txt and cities15000.txt", Required = true };
        var to = new Option<string>("--out") { Description = "Folder to write the compact files to", DefaultValueFactory = _ => "data/gazetteers" };
        var command = new Command("build-geo", "Derive data/gazetteers/geonames-*.tsv from GeoNames dumps") { from, to };
        command.SetAction(parse =>
        {
            try
            {
                foreach (var path in GeoNames.Build(parse.GetValue(from)!, parse.GetValue(to)!))
                    stdout.WriteLine($"{path}\t{new FileInfo(path).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes");
            }
            catch (GazetteerException ex)
            {
                throw new CliFailure(ex.Message);
            }
            return CrosscheckCli.Ok;
        });
        return command;
    }

    private static Command Lookup(TextWriter stdout)
    {
        var text = new Argument<string>("text") { Description = "Text to match" };
        var files = new Option<string[]>("--gazetteer") { Description = "An extra gazetteer file (repeatable)", AllowMultipleArgumentsPerToken = false };
        var command = new Command("lookup", "Print the gazetteer matches in a text") { text, files };
        command.SetAction(parse =>
        {
            Gazetteer gazetteer;
            try
            {
                gazetteer = Gazetteer.Load(parse.GetValue(files) ?? []);
            }
            catch (GazetteerException ex)
            {
                throw new CliFailure(ex.Message);
            }
            var pipeline = new LanguagePipelineBuilder().Add(new SentenceSplitter()).Add(new GazetteerTagger(gazetteer)).Build();
            var analyzed = pipeline.Process(parse.GetValue(text)!);
            foreach (var m in analyzed.GazetteerMatches)
            {
                var span = analyzed.Span(m.StartToken, m.EndToken).Text;
                stdout.WriteLine(Describe(span, m));
            }
            return CrosscheckCli.Ok;
        });
        return command;
    }

    internal static string Describe(string span, GazetteerMatch m)
    {
        var line = $"{span}\t{m.Kind}";
        if (m.Kind == GazetteerMatchKind.Title) line += $"\t{m.CanonicalTitle}";
        if (m.Entry is { } e) line += $"\t{EntityTypes.Name(e.Type)}\t{e.Key}\t{e.Name}";
        if (m.Country is { } cc) line += $"\t{cc}";
        if (m.Kind == GazetteerMatchKind.Maritime) line += $"\t{m.Relation}";
        else if (m.Precision != PlaceKind.None) line += $"\t{m.Precision}";
        if (m.Alternatives.Length > 0) line += $"\t(also {string.Join(", ", m.Alternatives.Take(3).Select(a => $"{a.Name} {a.Entity.Country} {a.Key}"))})";
        return line;
    }
}
