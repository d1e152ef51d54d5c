import Foundation

/// Reads benchmark input.
enum BenchInput {
    /// An error naming the file.
    struct InputError: Error, CustomStringConvertible {
        let description: String
    }

    /// Every non-empty line of `path`. A JSON Lines corpus (`{"name": …}` per line, as in
    /// shared/corpus) yields its names; any other line is taken as a release name as it is.
    static func names(fromFile path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(description: "cannot read \(path)")
        }
        let names = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map { line -> String in
            if line.first == "{",
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let name = object["name"] as? String
            {
                return name
            }
            return String(line)
        }
        guard !names.isEmpty else { throw InputError(description: "\(path) holds no names") }
        return names
    }
}
