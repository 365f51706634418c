using Crosscheck.Language;

namespace Crosscheck.Events;

// Campaign words as a count's scope ("the war"), a front's fighting framing one event, and "since" naming a start.
public sealed partial class TollCues
{
    /// <summary>Whether the word at <paramref name="i"/> is a campaign word as a count's scope reads it ("the offensive").</summary>
    internal bool IsCampaignAt(AnnotatedText text, int i) => i >= 0 && IsCampaignWord(text, i);

    /// <summary>
    /// A campaign word as a common noun: "the war", "Clashes have killed", not the "War" of "Secretary of War", nor one
    /// day's or night's violence ("the early morning violence", "Friday night's clashes"), which is one event.
    /// </summary>
    private bool IsCampaignWord(AnnotatedText text, int i) =>
        (_campaigns.Contains(text.WordOf(i)) && (text.PosOf(i) is "NN" or "NNS" or null || IsNounGerund(text, i)) || LastsASpan(text, i))
        && (char.IsLower(text.WordOf(i)[0]) || text.SentenceOf(i).StartToken == i) && !OfOneMoment(text, i);

    /// <summary>
    /// "the three-month siege", "the weeks-long shelling", "a 10-day offensive": a noun whose modifier says it lasted more
    /// than a day (a number above one and a <c>span</c> word or "day", or a plural span word and "long") names a campaign,
    /// whatever the noun.
    /// </summary>
    private bool LastsASpan(AnnotatedText text, int i)
    {
        if (i < 1 || text.PosOf(i) is not ("NN" or "NNS" or "VBG") || text.PosOf(i - 1) is not ("JJ" or "NN")) return false;
        var parts = text.WordOf(i - 1).ToLowerInvariant().Split('-');
        if (parts.Length < 2) return false;
        var (count, span) = (parts[^2], parts[^1]);
        if (span == "long") return _spans.Contains(count) && count.EndsWith('s') || count is "week" or "month" or "year";
        return (_spans.Contains(span) || span == "day") && !count.EndsWith('s')
            && (char.IsAsciiDigit(count[0]) && count != "1" || count is not ("a" or "an" or "one" or "half") && Quantities.CanStart(count) && !char.IsAsciiDigit(count[0]));
    }

    /// <summary>
    /// "Blasts in Herat during the fighting killed four farmers", "200 fighters died during the clashes": a front's
    /// fighting (the <c>front</c> words, not a war or a campaign) named only as the time of a count in the simple past
    /// ("during", "amid"; "in the fighting" after one attack told before it) frames one event's dead, no running total;
    /// "have died amid the clashes" and "killed during the war" stay tolls.
    /// </summary>
    private bool FramesOneEvent(AnnotatedText text, int i, int from, int end)
    {
        if (!_fronts.Contains(text.WordOf(i))) return false;
        var k = i - 1;
        while (k >= from && text.PosOf(k) is "DT" or "JJ" or "PRP$") k--;
        // "Fighting in Orvel killed three soldiers on Monday": a front's fighting before its count, told in the simple past
        // with a single day of its own, is that day's fighting ("Fighting in the region in March killed 300" sums a month).
        if ((k < from || text.PosOf(k) != "IN") && i < end && !PerfectBetween(text, from, end) && OneDayNear(text, text.SentenceOf(i), i, end)) return true;
        if (k < from) return false;
        var preposition = text.WordOf(k).ToLowerInvariant();
        // "Troops killed six rebels in a clash. One soldier died in the fighting": "in the fighting" after one attack told in
        // the sentence before, or earlier in its own, is that attack's fighting.
        if (preposition == "in" && k == i - 2 && text.WordOf(i - 1).Equals("the", StringComparison.OrdinalIgnoreCase)
            && text.SentenceOf(i) is var sentence && (AfterAnAttack(text, sentence)
                || NamesAnAttack(text, sentence, sentence.StartToken, from, skip: t => NamesNoOneAttack(text, sentence, t)))) preposition = "during";
        if (preposition is not ("during" or "amid")) return false;
        // A perfect ("have died", "has killed") counts up to now: a total.
        for (var j = from; j < Math.Max(end, i); j++)
        {
            if (text.WordOf(j).ToLowerInvariant() is "has" or "have" or "had" or "'s" or "’s" && text.PosOf(j) is "VBZ" or "VBP" or "VBD") return false;
        }
        return true;
    }

    private static bool PerfectBetween(AnnotatedText text, int from, int end)
    {
        for (var j = from; j < end; j++)
        {
            if (text.WordOf(j).ToLowerInvariant() is "has" or "have" or "had" or "'s" or "’s" && text.PosOf(j) is "VBZ" or "VBP" or "VBD") return true;
        }
        return false;
    }

    /// <summary>
    /// A single day named between the front word at <paramref name="i"/> and a few words past the count's end, and no other
    /// time there ("between October 10 and October 17" names a span).
    /// </summary>
    private static bool OneDayNear(AnnotatedText text, TokenSpan sentence, int i, int end)
    {
        var near = text.Times.Where(t => t.Span.Length > 0 && sentence.Contains(t.Span.StartToken) && t.Span.StartToken > i && t.Span.StartToken < Math.Min(sentence.EndToken, end + 4)).ToList();
        return near.Count == 1 && near[0].Precision == TimePrecision.Day && near[0].Start is not null && near[0].Start == near[0].End;
    }

    /// <summary>Whether the word at <paramref name="i"/> names a whole war or campaign ("the war", "the conflict"), not a front's fighting.</summary>
    internal bool IsWholeWarAt(AnnotatedText text, int i) => IsCampaignAt(text, i) && !_fronts.Contains(text.WordOf(i));

    /// <summary>Whether the word at <paramref name="i"/> names a campaign or a front's fighting ("the war", "fighting", "clashes").</summary>
    internal bool IsCampaignNoun(AnnotatedText text, int i) => _campaigns.Contains(text.WordOf(i).ToLowerInvariant());

    private bool OfOneMoment(AnnotatedText text, int i)
    {
        var before = i - 1;
        if (before >= 0 && text.WordOf(before) is "'s" or "’s") before--;
        return before >= 0 && _moments.Contains(text.WordOf(before));
    }

    private static bool IsYear(AnnotatedText text, int i) => text.WordOf(i) is { Length: 4 } w && w.All(char.IsAsciiDigit) && w[0] is '1' or '2';

    /// <summary>
    /// "since September", "since the start of", "since border clashes broke out", "since it erupted" (a pronoun and a verb
    /// of starting, the <c>start</c> words, or a past passive: "since it was captured"), not the causal "since they". The adverb of a verb ("has since killed dozens")
    /// passes too: it still says the count runs on from an earlier point.
    /// </summary>
    private bool SinceNamesAStart(AnnotatedText text, int next, int to)
    {
        if (next >= to) return false;
        foreach (var t in text.Times)
        {
            if (t.Span.StartToken <= next && next < t.Span.EndToken) return true;
        }
        if (text.PosOf(next) is not ("PRP" or "EX" or "RB" or "IN" or "MD") && text.WordOf(next) is not ("then" or "it" or "they" or "we" or "he" or "she")) return true;
        // "Since then, at least 40 soldiers have been killed": the start is the day told just before (TollFinder.SinceThenDay).
        if (text.WordOf(next).Equals("then", StringComparison.OrdinalIgnoreCase)) return true;
        // "since it erupted in April", "since they began": a pronoun whose verb, past an adverb, says when something started.
        if (text.PosOf(next) != "PRP") return false;
        // "since it was captured", "since they were freed": a passive in the past tells when the thing was done to it
        // ("since it was dangerous", an adjective, gives a reason).
        if (next + 2 < to && text.WordOf(next + 1).ToLowerInvariant() is "was" or "were" && text.PosOf(next + 2) == "VBN") return true;
        for (var i = next + 1; i < Math.Min(to, next + 3); i++)
        {
            if (IsStartVerb(text, i)) return true;
            if (text.PosOf(i) != "RB") return false;
        }
        return false;
    }
}
