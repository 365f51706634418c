using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Linking;

namespace Crosscheck.Tests.Linking;

/// <summary>Runs Specs/disputes.spec.md: text in, the disputes <see cref="DisputeReader"/> finds out, with their speakers and events.</summary>
public sealed class DisputeSpecTests
{
    private const string Spec = "disputes.spec.md";

    public static TheoryData<string> Examples() => SpecFile.Names(Spec);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Text_gets_the_disputes_the_spec_lists(string name)
    {
        var example = SpecFile.Load(Spec).Single(e => e.Name == name);
        var body = example["text"].TrimEnd('\n');
        var document = new DocumentReader().ReadBytes("made-up.txt", System.Text.Encoding.UTF8.GetBytes("---\npublished: 2025-11-04\n---\n" + body), ".txt").Single().Document!;
        var text = StandardPipeline.Default.Process(document);
        var facts = LinkFactsBuilder.Build(document, text, EventReader.Default.Read(text));
        var lines = facts.Disputes.Select(d => $"{d.Kind} | {d.Cue} | {d.Speaker ?? "-"} | {(d.Event is { } id ? facts.Events.Single(e => e.Id == id).Trigger : "-")}").ToList();
        if (lines.Count == 0) lines.Add("none");
        lines.ShouldBe(example.Lines("expect"), Case.Sensitive, name);
    }

    [Fact]
    public void An_attack_a_party_calls_false_is_denied_with_no_day_of_the_saying()
    {
        var facts = Facts("Reports that soldiers shot worshippers at the shrine in the hill town are fabricated, the army said on Monday.");
        var shot = facts.Events.Single(e => e.Trigger == "shot");
        shot.Modality.ShouldBe(Modality.Denied);
        shot.Time.ShouldBeNull();
        // Told as fact, with the saying's day its report's, it stays so.
        var told = Facts("Soldiers shot worshippers at the shrine in the hill town, the army said on Monday.").Events.Single(e => e.Trigger == "shot");
        told.Modality.ShouldBe(Modality.Asserted);
    }

    [Fact]
    public void A_rejection_of_allegations_about_an_attack_is_the_dispute_and_starts_no_incident()
    {
        var facts = Facts("Gunmen ambushed a police convoy near the pass on Monday, killing four officers. "
            + "The neighbouring government on Tuesday rejected allegations that its fighters carried out the ambush near the pass.");
        var rejection = facts.Events.Single(e => e.Type == PloverType.Reject);
        rejection.Disputing.ShouldBeTrue();
        IncidentAnchors.CanStart(rejection).ShouldBeFalse();
        // The counter-accusation in a denial's sentence is part of it.
        var blamed = Facts("A bomb exploded at a bus stop in the town on Sunday, killing nine people. "
            + "The rebels denied any role in the explosion and blamed the blast on an army mine.").Events.Single(e => e.Type == PloverType.Accuse);
        blamed.Disputing.ShouldBeTrue();
        // A plan rejected is news of its own.
        var plan = Facts("The neighbouring government on Tuesday rejected the peace plan in the capital.").Events.Single(e => e.Type == PloverType.Reject);
        plan.Disputing.ShouldBeFalse();
    }

    private static DocumentFacts Facts(string body)
    {
        var document = new DocumentReader().ReadBytes("made-up.txt", System.Text.Encoding.UTF8.GetBytes("---\npublished: 2025-11-04\n---\n" + body), ".txt").Single().Document!;
        var text = StandardPipeline.Default.Process(document);
        return LinkFactsBuilder.Build(document, text, EventReader.Default.Read(text));
    }

    [Fact]
    public void The_spec_file_has_disputes_of_each_kind_and_texts_with_none()
    {
        var examples = SpecFile.Load(Spec);
        foreach (var kind in new[] { "denial", "dispute", "victims", "did not happen", "blame", "attacker", "target" })
            examples.Count(e => e.Lines("expect").Any(l => l.StartsWith(kind + " |", StringComparison.Ordinal))).ShouldBeGreaterThanOrEqualTo(1, kind);
        examples.Count(e => e.Lines("expect") is ["none"]).ShouldBeGreaterThanOrEqualTo(4);
    }
}
