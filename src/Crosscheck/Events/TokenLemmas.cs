using System.Runtime.CompilerServices;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// The lemma candidates (<see cref="Lemmas.Candidates"/>) of a text's tokens, each worked out once per text: a
/// sentence's words are read as trigger phrase starts, phrase words and near words of several entries, and again for
/// the ACLED cues. Kept with the text (a text's words do not change), so nothing outlives it.
/// </summary>
internal sealed class TokenLemmas(AnnotatedText text)
{
    private static readonly ConditionalWeakTable<AnnotatedText, TokenLemmas> Memo = new();
    private readonly string[]?[] _at = new string[]?[text.Count];

    public static TokenLemmas Of(AnnotatedText text) => Memo.GetValue(text, static t => new TokenLemmas(t));

    /// <summary>The candidates of token <paramref name="i"/>'s word, in <see cref="Lemmas.Candidates"/>' order.</summary>
    public string[] At(int i) => _at[i] ??= Lemmas.Candidates(text.WordOf(i));
}
