using Crosscheck.Language.Tagging;

namespace Crosscheck.Tests.Language;

public sealed class CorpusReaderTests
{
    [Fact]
    public void Gmb_csv_forward_fills_sentences_unquotes_quotes_and_maps_tags()
    {
        using var dir = new TempDirectory();
        var file = dir.File("gmb.csv", """""
            Sentence #,Word,POS,Tag
            Sentence: 1,"""",``,O
            ,Iraqi,JJ,B-gpe
            ,officials,NNS,O
            ,met,VBD,O
            ,(,LRB,O
            ,in,IN,O
            ,Baghdad,NNP,B-geo
            ,),RRB,O
            ,Monday,NNP,B-tim
            Sentence: 2,Hurricane,NNP,B-nat
            ,"Katrina, again",NNP,I-nat
            """"");
        var sentences = TrainingCorpus.ReadFile(file);
        sentences.Count.ShouldBe(2);
        sentences[0].Words.ShouldBe(["\"", "Iraqi", "officials", "met", "(", "in", "Baghdad", ")", "Monday"]);
        sentences[0].Pos.ShouldBe(["``", "JJ", "NNS", "VBD", "-LRB-", "IN", "NNP", "-RRB-", "NNP"]);
        sentences[0].Entities.ShouldBe(["O", "B-NORP", "O", "O", "O", "O", "B-LOC", "O", "O"]);
        sentences[1].Words.ShouldBe(["Hurricane", "Katrina, again"]);
        sentences[1].Entities.ShouldBe(["B-MISC", "I-MISC"]);
    }

    [Fact]
    public void Gmb_titles_are_left_out_of_person_spans()
    {
        using var dir = new TempDirectory();
        var file = dir.File("gmb.csv", "Sentence #,Word,POS,Tag\nSentence: 1,Prime,NNP,B-per\n,Minister,NNP,I-per\n,Ehud,NNP,I-per\n,Olmert,NNP,I-per\n,met,VBD,O\n,Mr.,NNP,B-per\n,Abbas,NNP,I-per\n");
        TrainingCorpus.ReadFile(file).ShouldHaveSingleItem().Entities.ShouldBe(["O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON"]);
    }

    [Fact]
    public void Wikigold_iob1_becomes_bio_in_our_types()
    {
        using var dir = new TempDirectory();
        var file = dir.File("wikigold.conll.txt", "-DOCSTART- O\n\nThe I-ORG\nMad I-ORG\nCapsule I-ORG\nplayed O\nin O\nTokyo I-LOC\nand O\nJapan I-LOC\nB-LOC B-LOC\n. O\n");
        var sentence = TrainingCorpus.ReadFile(file).ShouldHaveSingleItem();
        sentence.Entities.ShouldBe(["B-ORG", "I-ORG", "I-ORG", "O", "O", "B-LOC", "O", "B-LOC", "B-LOC", "O"]);
        sentence.Pos.ShouldBeNull();
    }

    [Fact]
    public void Wnut_and_re3d_types_map_and_unused_ones_become_o()
    {
        using var dir = new TempDirectory();
        var wnut = dir.File("wnut.conll", "Apple\tB-corporation\nfans\tO\nin\tO\nParis\tB-location\nwatch\tO\nStar\tB-creative-work\nWars\tI-creative-work\n");
        TrainingCorpus.ReadFile(wnut).ShouldHaveSingleItem().Entities.ShouldBe(["B-ORG", "O", "O", "B-LOC", "O", "B-MISC", "I-MISC"]);
        var re3d = dir.File("doc.conll", "Syrian\tB-Nationality\ntroops\tO\nfired\tO\nartillery\tB-Weapon\nyesterday\tB-Temporal\n");
        TrainingCorpus.ReadFile(re3d).ShouldHaveSingleItem().Entities.ShouldBe(["B-NORP", "O", "O", "O", "O"]);
    }

    [Fact]
    public void The_factuality_export_gives_penn_tags_with_ontonotes_extras_mapped()
    {
        using var dir = new TempDirectory();
        var file = dir.File("train.conll", "0\tLong\t_\tJJ\t2\tamod\tlong\n1\t-\t_\tHYPH\t2\tpunct\t-\n2\thaul\t3.0\tNN\t2\tROOT\thaul\n\n0\tYes\t_\tUH\t0\tROOT\tyes\n");
        var sentences = TrainingCorpus.ReadFile(file);
        sentences.Count.ShouldBe(2);
        sentences[0].Pos.ShouldBe(["JJ", ":", "NN"]);
        sentences[0].Entities.ShouldBeNull();
    }

    [Fact]
    public void A_malformed_line_names_the_file_and_line()
    {
        using var dir = new TempDirectory();
        var file = dir.File("bad.conll", "Paris\tB-LOC\nis\tO\nlovely in spring\n");
        Should.Throw<CorpusFormatException>(() => TrainingCorpus.ReadFile(file)).Message.ShouldBe($"{file}:3: expected 2 tab-separated columns, found 1");
        var badTag = dir.File("tag.conll", "Paris\tX-LOC\n");
        Should.Throw<CorpusFormatException>(() => TrainingCorpus.ReadFile(badTag)).Message.ShouldBe($"{badTag}:1: 'X-LOC' is not an entity tag (O, B-TYPE or I-TYPE)");
        var badType = dir.File("type.conll", "Paris B-CITY\n");
        Should.Throw<CorpusFormatException>(() => TrainingCorpus.ReadFile(badType)).Message.ShouldStartWith($"{badType}:1: unknown entity type 'CITY'");
        var badPos = dir.File("pos.csv", "Sentence #,Word,POS,Tag\nSentence: 1,Paris,NOUN,O\n");
        Should.Throw<CorpusFormatException>(() => TrainingCorpus.ReadFile(badPos)).Message.ShouldBe($"{badPos}:2: 'NOUN' is not a Penn Treebank tag");
        Should.Throw<CorpusFormatException>(() => TrainingCorpus.Read([dir.Combine("missing")])).Message.ShouldBe($"{dir.Combine("missing")}: no such file or directory");
    }

    [Fact]
    public void The_held_out_slice_is_about_one_sentence_in_ten_and_depends_only_on_file_name_and_index()
    {
        var held = Enumerable.Range(0, 10_000).Count(i => HeldOutSlice.Contains("/a/b/train.conll", i));
        held.ShouldBeInRange(900, 1100);
        Enumerable.Range(0, 100).Select(i => HeldOutSlice.Contains("/a/b/train.conll", i))
            .ShouldBe(Enumerable.Range(0, 100).Select(i => HeldOutSlice.Contains("elsewhere/train.conll", i)));
    }

    [Fact]
    public void Directories_are_read_in_name_order_skipping_licence_files()
    {
        using var dir = new TempDirectory();
        dir.File("data/b.conll", "Oslo\tB-LOC\n");
        dir.File("data/a/z.conll", "Rome\tB-LOC\n");
        dir.File("data/LICENSE", "CC BY 4.0\n");
        TrainingCorpus.Read([dir.Combine("data")]).Select(s => s.Words[0]).ShouldBe(["Rome", "Oslo"]);
    }
}
