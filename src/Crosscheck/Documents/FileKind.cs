using System.Runtime.InteropServices;

namespace Crosscheck.Documents;

/// <summary>What a path is, after following links, and which file it is (device and inode).</summary>
internal readonly record struct FileIdentity(FileKind Kind, ulong Device, ulong Inode);

internal enum FileKind { Missing, Regular, Directory, Fifo, Socket, CharacterDevice, BlockDevice, Other }

/// <summary>
/// Asks the file system what a path is without opening it: opening a FIFO blocks until someone writes to it,
/// and .NET's file attributes do not tell a FIFO, a socket or a device from a file. Linux's statx has one
/// layout on every architecture; elsewhere .NET's own view is used (regular file or directory).
/// </summary>
internal static class FileKinds
{
    public static FileIdentity Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            try { return Statx(path); }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException) { }
        }
        if (Directory.Exists(path)) return new FileIdentity(FileKind.Directory, 0, 0);
        return File.Exists(path) ? new FileIdentity(FileKind.Regular, 0, 0) : new FileIdentity(FileKind.Missing, 0, 0);
    }

    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        _ => "not a regular file",
    };

    private const int AtFdcwd = -100;
    private const uint StatxType = 0x1, StatxIno = 0x100;

    private static FileIdentity Statx(string path)
    {
        // struct statx: stx_mode (u16) at 28, stx_ino (u64) at 32, stx_dev_major and stx_dev_minor (u32) at 136 and 140.
        var buffer = new byte[256];
        if (statx(AtFdcwd, path, 0, StatxType | StatxIno, buffer) != 0) return new FileIdentity(FileKind.Missing, 0, 0);
        var mode = BitConverter.ToUInt16(buffer, 28);
        var inode = BitConverter.ToUInt64(buffer, 32);
        var device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            _ => FileKind.Other,
        };
        return new FileIdentity(kind, device, inode);
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for the buffer; this call is rare and cheap.
    [DllImport("libc", SetLastError = false)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
#pragma warning restore SYSLIB1054
}
