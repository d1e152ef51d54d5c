extension StringProtocol {
    /// Without leading and trailing spaces and tabs: what the library readers need from
    /// `trimmingCharacters(in:)`, without Foundation. `package`, so it stays off Core's public API.
    package var trimmingSpaces: String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
