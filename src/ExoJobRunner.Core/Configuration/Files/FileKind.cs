namespace ExoJobRunner.Core.Configuration.Files;

/// <summary>What a path names, as far as reading it is concerned: only a regular file is ever read.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,

    /// <summary>A type this program does not know (a door, a whiteout): not read either.</summary>
    Other,
}
