namespace ExoJobRunner.Core.Configuration.Files;

/// <summary>
/// The outcome of reading a file the configuration names: its text, or why it was not read.
/// </summary>
/// <param name="Text">The file's text; null when it was not read.</param>
/// <param name="Id">The diagnostic id of the problem (EXOCFG…); null when the text was read, or the file does not exist (the caller names that case).</param>
/// <param name="Problem">What is wrong and what to do, without a word of the file's content; null when the text was read.</param>
internal sealed record UserFileRead(string? Text, string? Id, string? Problem)
{
    public bool IsMissing => Text is null && Id is null;
}
