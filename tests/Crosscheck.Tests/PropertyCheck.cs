using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace Crosscheck.Tests;

/// <summary>
/// Runs an FsCheck property from a fixed seed, so every run draws the same cases (same input, same output):
/// a failure names the case and repeats on the next run.
/// </summary>
internal static class PropertyCheck
{
    private const ulong Seed = 20251204;

    public static void ForAll<T>(Gen<T> cases, Action<T> property, int count = 200)
    {
        var replay = new Replay(new Rnd(Seed), FSharpOption<int>.None);
        var config = Config.QuickThrowOnFailure.WithMaxTest(count).WithQuietOnSuccess(true).WithReplay(FSharpOption<Replay>.Some(replay));
        Check.One(config, Prop.ForAll(Arb.From(cases), property));
    }

    public static Gen<(A, B, C)> Zip<A, B, C>(Gen<A> a, Gen<B> b, Gen<C> c) =>
        from x in a
        from y in b
        from z in c
        select (x, y, z);

    /// <summary>Any calendar day, with the first and last months of the calendar drawn often, as that is where arithmetic breaks.</summary>
    public static Gen<DateOnly> AnyDay { get; } = Gen.Frequency(
        (4, Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber).Select(DateOnly.FromDayNumber)),
        (2, Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MinValue.DayNumber + 60).Select(DateOnly.FromDayNumber)),
        (2, Gen.Choose(DateOnly.MaxValue.DayNumber - 60, DateOnly.MaxValue.DayNumber).Select(DateOnly.FromDayNumber)),
        (1, Gen.Elements(DateOnly.MinValue, DateOnly.MaxValue)),
        (1, Gen.Choose(new DateOnly(1990, 1, 1).DayNumber, new DateOnly(2030, 12, 31).DayNumber).Select(DateOnly.FromDayNumber)));
}
