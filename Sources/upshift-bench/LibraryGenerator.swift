import UpshiftCore

/// A deterministic synthetic library and feed, shaped like real ones: multi-word titles that
/// repeat across years, a spread of Dolby Vision profiles, and release names in scene style.
struct LibraryGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed | 1 }

    private mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    private static let words = [
        "Dark", "Night", "Return", "Last", "City", "King", "Star", "War", "Love", "Dead", "Blue", "Man", "Woman", "Lost",
        "World", "Fire", "Ice", "Secret", "Shadow", "Storm", "Road", "River", "Ghost", "Iron", "Silent", "Golden",
        "House", "Game", "Time", "Edge", "Code", "Heart", "Wild", "Black", "White", "Red", "Moon", "Sun", "Sea", "Sky",
        "Eagle", "Wolf", "Lion", "Dragon", "Machine", "Empire", "Kingdom", "Legend", "Hunter", "Rider", "Doctor",
        "Agent", "Mission", "Escape", "Island", "Planet", "Garden", "Winter", "Summer", "Echo", "Signal", "Crown",
    ]

    private static let copies: [Quality] = [
        Quality(resolution: .r1080p, audio: .dts),
        Quality(resolution: .r2160p, hdr10: true, atmos: true, audio: .trueHD),
        Quality(resolution: .r2160p, dv: true, dvProfile: .p5, atmos: true),
        Quality(resolution: .r2160p, dv: true, dvProfile: .p8, hdr10: true),
        Quality(resolution: .r2160p, dv: true, dvProfile: .p7, dvLayer: .mel, hdr10: true, atmos: true),
        Quality(resolution: .r2160p, dv: true, dvProfile: .p7, dvLayer: .fel, hdr10: true, atmos: true),
    ]

    private static let tails = [
        "2160p.UHD.BluRay.REMUX.DV.P7.FEL.HDR10.HEVC.TrueHD.7.1.Atmos-FraMeSToR",
        "2160p.WEB-DL.DDP5.1.Atmos.DV.HDR.H.265-FLUX",
        "1080p.BluRay.x264.DTS-HD.MA.5.1-SPARKS",
        "2160p.UHD.BluRay.x265.10bit.DV.P8.HDR10.TrueHD.7.1.Atmos-PrismHD",
        "2160p.BluRay.REMUX.HEVC.DoVi.Profile.7.MEL.DTS-HD.MA.5.1-NoirUHD",
        "2160p.NF.WEB-DL.DDP5.1.Atmos.DV.P5.H.265-NTb",
    ]

    /// `count` distinct movies.
    mutating func movies(count: Int) -> [LibraryMovie] {
        var seen = Set<String>()
        var movies: [LibraryMovie] = []
        movies.reserveCapacity(count)
        while movies.count < count {
            let title = (0..<(1 + below(4))).map { _ in Self.words[below(Self.words.count)] }.joined(separator: " ")
            let year = 1950 + below(76)
            guard seen.insert("\(title)|\(year)").inserted else { continue }
            movies.append(
                LibraryMovie(id: String(movies.count), title: title, year: year, quality: Self.copies[below(Self.copies.count)])
            )
        }
        return movies
    }

    /// Release names: four in five for library movies, the rest for films not in the library.
    mutating func releaseNames(for movies: [LibraryMovie], count: Int) -> [String] {
        (0..<count).map { _ in
            let tail = Self.tails[below(Self.tails.count)]
            if below(5) < 4 {
                let movie = movies[below(movies.count)]
                return "\(movie.title.split(separator: " ").joined(separator: ".")).\(movie.year ?? 2000).\(tail)"
            }
            return "Unknown.\(Self.words[below(Self.words.count)]).Film.\(1950 + below(76)).\(tail)"
        }
    }
}
