/// Reads a release name into a ``ParsedRelease`` (SPEC §3). Pure, allocation-light, no I/O.
public enum ReleaseNameParser {
    /// Parses one release name.
    public static func parse(_ name: String) -> ParsedRelease {
        // Placeholder: replaced by the tokenizer-based parser in the next commit.
        ParsedRelease(name: name, kind: .movie, title: nil, year: nil, quality: Quality(), group: nil)
    }
}
