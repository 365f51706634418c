namespace Crosscheck.Cli.Bench;

internal static class ExtractionBench
{
    public static int Run(string dataDirectory, bool withPeer, TextWriter stdout, TextWriter stderr)
    {
        _ = withPeer;
        _ = stdout;
        throw new CliFailure($"{dataDirectory}: the extraction benchmark is not built yet");
    }
}
