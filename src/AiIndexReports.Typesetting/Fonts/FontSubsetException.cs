namespace AiIndexReports.Typesetting.Fonts;

/// <summary>A font file could not be subset: it is not a (supported) font, or the request does not fit the font.</summary>
public sealed class FontSubsetException(string message) : Exception(message);
