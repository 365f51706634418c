using Crosscheck.Language;

namespace Crosscheck.Events;

// A side's losses told with no word of the dead or the hurt after their number.
public sealed partial class TollCues
{
    /// <summary>
    /// The measure of a <c>loss</c> word's number that no count word follows: people named right after it ("put its own
    /// losses at 11 soldiers and 5 civilians": a side's lost soldiers are its dead), or a raise of the losses (a <c>raise</c>
    /// verb before the loss word's noun phrase: "…, bringing the army's losses since the spring to 33") after a count of the
    /// dead, or of the hurt, earlier in the sentence, whose measure it takes; null otherwise ("losses at 40 million").
    /// </summary>
    private TollMeasure? LossMeasure(AnnotatedText text, TokenSpan sentence, int loss, NumberMention n)
    {
        var k = n.Span.EndToken;
        while (k < sentence.EndToken && k - n.Span.EndToken < 2 && text.PosOf(k) is "JJ") k++;
        if (n.Unit is null && k < sentence.EndToken && (_ownVictims.Contains(text.WordOf(k)) || PersonNouns.Contains(text.WordOf(k)))) return TollMeasure.Killed;
        if (n.Unit is not null && (_ownVictims.Contains(n.Unit) || PersonNouns.Contains(n.Unit))) return TollMeasure.Killed;
        if (n.Unit is not null) return null;
        // Back over the loss word's own noun phrase ("the military's", "its own", "Ukraine's total") to a raise verb.
        var det = loss - 1;
        while (det > sentence.StartToken && loss - det <= 5 && text.PosOf(det) is "DT" or "POS" or "NNP" or "NNPS" or "NN" or "PRP$" or "JJ") det--;
        if (det < sentence.StartToken || text.PosOf(det) is not { } tag || !tag.StartsWith("VB", StringComparison.Ordinal) || !_raises.Contains(Lemmas.Of(text.WordOf(det), tag))) return null;
        TollMeasure? measure = null;
        for (var i = det - 1; i >= sentence.StartToken; i--)
        {
            var w = text.WordOf(i);
            if (KilledWords.Contains(w) || DiedWords.Contains(w) || DeathNouns.Contains(w)) return TollMeasure.Killed;
            if (measure is null && (InjuredWords.Contains(w) && !WeakWords.Contains(w) || InjuredNouns.Contains(w))) measure = TollMeasure.Injured;
        }
        return measure;
    }
}
