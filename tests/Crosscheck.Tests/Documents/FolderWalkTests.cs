using System.Diagnostics;
using System.Text;
using Crosscheck.Documents;

namespace Crosscheck.Tests.Documents;

/// <summary>A folder walk reads regular files only, never blocks or loops, and names every entry it skips.</summary>
public sealed class FolderWalkTests
{
    private const string Article = "Ferry resumes\nThe ferry resumed service on Tuesday after the storm, the operator said.\n";

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", path);
        mkfifo.WaitForExit();
        mkfifo.ExitCode.ShouldBe(0);
    }

    /// <summary>Reads on another thread so a reader that blocks fails the test instead of hanging it.</summary>
    private static List<ReadResult> ReadWithin(TimeSpan limit, params string[] inputs)
    {
        var task = Task.Run(() => new DocumentReader().Read(inputs).ToList());
        task.Wait(limit).ShouldBeTrue("the reader blocked");
        return task.Result;
    }

    [Fact]
    public void A_folder_with_a_named_pipe_and_a_link_loop_is_read_with_one_line_for_each()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDirectory();
        var article = dir.File("in/a.txt", Article);
        MakeFifo(dir.Combine("in/pipe.txt"));
        Directory.CreateDirectory(dir.Combine("in/sub"));
        File.CreateSymbolicLink(dir.Combine("in/sub/loop"), "..");

        var results = ReadWithin(TimeSpan.FromSeconds(20), dir.Combine("in"));

        results.Where(r => r.Document is not null).Select(r => r.Document!.Source).ShouldBe([article]);
        var skipped = results.Where(r => r.Error is not null).Select(r => r.Error!).ToList();
        skipped.Select(e => e.Input).ShouldBe([dir.Combine("in/pipe.txt"), dir.Combine("in/sub/loop")]);
        skipped[0].Reason.ShouldContain("named pipe");
        skipped[1].Reason.ShouldContain("loop");
    }

    [Fact]
    public void A_named_pipe_given_on_the_command_line_is_refused_without_being_opened()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDirectory();
        MakeFifo(dir.Combine("pipe.txt"));

        var result = ReadWithin(TimeSpan.FromSeconds(20), dir.Combine("pipe.txt")).Single();

        result.Error!.Reason.ShouldStartWith("not a regular file");
    }

    [Fact]
    public void A_file_reached_by_two_paths_is_one_source()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDirectory();
        var article = dir.File("in/a.txt", Article);
        Directory.CreateDirectory(dir.Combine("in/z"));
        File.CreateSymbolicLink(dir.Combine("in/z/again.txt"), article);
        Directory.CreateSymbolicLink(dir.Combine("in/mirror"), dir.Combine("in/z"));

        var results = ReadWithin(TimeSpan.FromSeconds(20), dir.Combine("in"));

        results.ShouldAllBe(r => r.Error == null);
        results.Select(r => r.Document!.Source).ShouldBe([article]);
    }

    [Fact]
    public void An_unreadable_subfolder_is_named_and_the_rest_is_read()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var article = dir.File("in/a.txt", Article);
        dir.File("in/locked/b.txt", Article.Replace("Tuesday", "Friday", StringComparison.Ordinal));
        File.SetUnixFileMode(dir.Combine("in/locked"), UnixFileMode.None);
        try
        {
            try { Directory.GetFileSystemEntries(dir.Combine("in/locked")); return; } // a superuser reads it anyway
            catch (UnauthorizedAccessException) { }

            var results = ReadWithin(TimeSpan.FromSeconds(20), dir.Combine("in"));

            results.Where(r => r.Document is not null).Select(r => r.Document!.Source).ShouldBe([article]);
            var error = results.Single(r => r.Error is not null).Error!;
            error.Input.ShouldBe(dir.Combine("in/locked"));
            error.Reason.ShouldStartWith("cannot list folder");
        }
        finally
        {
            File.SetUnixFileMode(dir.Combine("in/locked"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void A_line_break_in_a_file_name_cannot_forge_a_line_of_error_output()
    {
        var error = new InputError("in/a\ncrosscheck: b.txt", "empty input");

        error.ToString().ShouldBe("in/a\\ncrosscheck: b.txt: empty input");
        error.ToString().ShouldNotContain('\n');
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_without_a_byte_order_mark_is_read(bool bigEndian)
    {
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes("Café owners met on Monday.\nThe market reopens on Friday.\n");

        var result = new DocumentReader().ReadBytes("a.txt", bytes, ".txt").Single();

        result.Document!.Text.ShouldStartWith("Café owners met on Monday.");
    }
}
