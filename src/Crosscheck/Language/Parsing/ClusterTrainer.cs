using System.Globalization;

namespace Crosscheck.Language.Parsing;

/// <summary>
/// Learns word classes from unlabelled text with the exchange algorithm (Kneser and Ney 1993; Martin, Liermann and
/// Ney 1998): words are moved, one at a time and most frequent first, to the class that most raises the likelihood of
/// a class bigram model, Σ N(c,d) log N(c,d) − 2 Σ N(c) log N(c). Words are compared in lower case; rarer words than
/// <c>minCount</c> share one class. Deterministic: fixed word order, ties keep the current class or take the lower one.
/// </summary>
internal static class ClusterTrainer
{
    public const string Boundary = "\u0002<s>";
    private const string Rare = "\u0002<rare>";

    /// <summary>The classes of the words seen at least <paramref name="minCount"/> times in <paramref name="sentences"/>.</summary>
    public static Dictionary<string, int> Train(IEnumerable<IReadOnlyList<string>> sentences, int classes, int minCount, int passes, Action<string>? progress = null)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var text = new List<string>();
        foreach (var sentence in sentences)
        {
            text.Add(Boundary);
            foreach (var word in sentence)
            {
                var w = word.ToLowerInvariant();
                text.Add(w);
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
        }
        text.Add(Boundary);
        var vocabulary = counts.Where(c => c.Value >= minCount).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key).Prepend(Rare).Prepend(Boundary).ToArray();
        var index = vocabulary.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);
        var ids = text.Select(w => index.GetValueOrDefault(w, 1)).ToArray();
        var model = new ExchangeModel(ids, vocabulary.Length, classes);
        for (var pass = 1; pass <= passes; pass++)
        {
            var moved = model.Pass();
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"clusters pass {pass}/{passes}: {moved:N0} words moved, log-likelihood term {model.Objective():0}"));
            if (moved == 0) break;
        }
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var w = 2; w < vocabulary.Length; w++) result[vocabulary[w]] = model.ClassOf(w);
        return result;
    }

    private sealed class ExchangeModel
    {
        private readonly int _classes;
        private readonly int[] _class;
        private readonly long[] _wordCount;
        private readonly long[] _classCount;
        private readonly long[] _bigram;
        private readonly (int Word, int Count)[][] _left, _right;
        private readonly long[] _selfCount;
        private readonly long[] _l, _r;
        private readonly List<int> _nzL = [], _nzR = [];

        public ExchangeModel(int[] ids, int words, int classes)
        {
            _classes = classes;
            _class = new int[words];
            _wordCount = new long[words];
            _selfCount = new long[words];
            _classCount = new long[classes];
            _bigram = new long[classes * classes];
            _l = new long[classes];
            _r = new long[classes];
            var left = new Dictionary<long, int>();
            var right = new Dictionary<long, int>();
            foreach (var id in ids) _wordCount[id]++;
            for (var i = 1; i < ids.Length; i++)
            {
                int a = ids[i - 1], b = ids[i];
                if (a == b) { _selfCount[a]++; continue; }
                var key = ((long)a << 32) | (uint)b;
                right[key] = right.GetValueOrDefault(key) + 1;
            }
            var r = new List<(int, int)>[words];
            var l = new List<(int, int)>[words];
            for (var w = 0; w < words; w++) { r[w] = []; l[w] = []; }
            foreach (var (key, count) in right.OrderBy(p => p.Key))
            {
                int a = (int)(key >> 32), b = (int)(key & 0xFFFFFFFF);
                r[a].Add((b, count));
                l[b].Add((a, count));
            }
            _right = [.. r.Select(x => x.ToArray())];
            _left = [.. l.Select(x => x.ToArray())];
            // Start: the most frequent words one class each, the rest round robin.
            for (var w = 0; w < words; w++) _class[w] = w % classes;
            for (var w = 0; w < words; w++) _classCount[_class[w]] += _wordCount[w];
            for (var w = 0; w < words; w++)
            {
                foreach (var (v, c) in _right[w]) _bigram[_class[w] * classes + _class[v]] += c;
                _bigram[_class[w] * classes + _class[w]] += _selfCount[w];
            }
        }

        public int ClassOf(int word) => _class[word];

        private static double F(long x) => x <= 0 ? 0 : x * Math.Log(x);

        public double Objective()
        {
            double sum = 0;
            foreach (var n in _bigram) sum += F(n);
            foreach (var n in _classCount) sum -= 2 * F(n);
            return sum;
        }

        public int Pass()
        {
            var moved = 0;
            for (var w = 0; w < _class.Length; w++)
            {
                var a = _class[w];
                Neighbours(w);
                Move(w, a, -1);
                var best = a;
                var bestGain = Gain(w, a);
                for (var b = 0; b < _classes; b++)
                {
                    if (b == a) continue;
                    var gain = Gain(w, b);
                    if (gain > bestGain + 1e-9) { best = b; bestGain = gain; }
                }
                Move(w, best, 1);
                _class[w] = best;
                if (best != a) moved++;
            }
            return moved;
        }

        private void Neighbours(int w)
        {
            foreach (var c in _nzL) _l[c] = 0;
            foreach (var c in _nzR) _r[c] = 0;
            _nzL.Clear();
            _nzR.Clear();
            foreach (var (v, n) in _left[w])
            {
                var c = _class[v];
                if (_l[c] == 0) _nzL.Add(c);
                _l[c] += n;
            }
            foreach (var (v, n) in _right[w])
            {
                var c = _class[v];
                if (_r[c] == 0) _nzR.Add(c);
                _r[c] += n;
            }
        }

        /// <summary>Adds (sign 1) or removes (sign -1) word <paramref name="w"/>'s counts to or from class <paramref name="k"/>.</summary>
        private void Move(int w, int k, int sign)
        {
            foreach (var c in _nzL) _bigram[c * _classes + k] += sign * _l[c];
            foreach (var c in _nzR) _bigram[k * _classes + c] += sign * _r[c];
            _bigram[k * _classes + k] += sign * _selfCount[w];
            _classCount[k] += sign * _wordCount[w];
        }

        /// <summary>The change of the objective if word <paramref name="w"/> (now in no class) joined class <paramref name="b"/>.</summary>
        private double Gain(int w, int b)
        {
            double gain = 0;
            var row = b * _classes;
            foreach (var c in _nzR)
            {
                if (c == b) continue;
                var n = _bigram[row + c];
                gain += F(n + _r[c]) - F(n);
            }
            foreach (var c in _nzL)
            {
                if (c == b) continue;
                var n = _bigram[c * _classes + b];
                gain += F(n + _l[c]) - F(n);
            }
            var self = _bigram[row + b];
            gain += F(self + _l[b] + _r[b] + _selfCount[w]) - F(self);
            var count = _classCount[b];
            return gain - 2 * (F(count + _wordCount[w]) - F(count));
        }
    }
}
