using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Crosscheck.Language;

/// <summary>
/// Arrays for the models' large lookup tables (megabytes read at random, a few entries per feature): on Linux they are
/// pinned and the kernel is asked to back them with 2 MB pages (<c>madvise(MADV_HUGEPAGE)</c>), so a lookup seldom
/// misses the processor's address translation cache as well as its data cache. Elsewhere, or when the kernel
/// declines, they are plain arrays. Contents are the same either way: this changes only where the memory sits.
/// </summary>
internal static class LargeTables
{
    private const long HugePage = 2 << 20;
    private const int MadvHugePage = 14;

    /// <summary>A zeroed array of <paramref name="length"/> elements, on 2 MB pages where the kernel allows.</summary>
    public static T[] Zeroed<T>(int length) where T : struct
    {
        var bytes = (long)length * Unsafe.SizeOf<T>();
        if (bytes < HugePage || !OperatingSystem.IsLinux()) return new T[length];
        var array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        var start = (long)Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        var first = (start + HugePage - 1) & ~(HugePage - 1);
        var end = (start + bytes) & ~(HugePage - 1);
        if (end > first)
        {
            try
            {
                _ = Advise((IntPtr)first, (nuint)(end - first), MadvHugePage);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // No libc to ask: ordinary pages.
            }
        }
        // Written only now, so the pages are first touched after the advice.
        array.AsSpan().Clear();
        return array;
    }

    /// <summary>A copy of <paramref name="items"/>, on 2 MB pages where the kernel allows.</summary>
    public static T[] Copy<T>(List<T> items) where T : struct
    {
        var array = Zeroed<T>(items.Count);
        items.CopyTo(array);
        return array;
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code; this is called once per table.
    [DllImport("libc", EntryPoint = "madvise", SetLastError = false)]
    private static extern int Advise(IntPtr address, nuint length, int advice);
#pragma warning restore SYSLIB1054
}
