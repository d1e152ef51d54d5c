import Testing
import UpshiftCore

/// Cases written for Upshift: FELScanner's known misreadings, and spellings the corpus does not
/// cover, in LABELS.md terms (only the fields listed are checked).
@Suite struct ReleaseNameTrapTests {
    typealias Value = CorpusCase.Value

    struct Trap: Sendable, CustomTestStringConvertible {
        let name: String
        let expect: [String: Value]
        var testDescription: String { name }

        init(_ name: String, _ expect: [String: Value]) {
            self.name = name
            self.expect = expect
        }
    }

    static let notDV: [String: Value] = ["dv": .bool(false), "dvProfile": .null, "dvLayer": .null]

    static let traps: [Trap] = [
        // FELScanner read these wrongly.
        Trap("The.Lord.of.the.Rings.The.Fellowship.of.the.Ring.2001.1080p.BluRay.x264-SPARKS",
             notDV.merging(["title": .string("The Lord of the Rings The Fellowship of the Ring"), "year": .int(2001)]) { $1 }),
        Trap("Dune.2021.2160p.WEB-DL.DDP5.1.Atmos.HDR.HEVC-GROUP",
             notDV.merging(["audio": .string("DD+"), "channels": .string("5.1"), "atmos": .bool(true)]) { $1 }),
        Trap("Blade Runner 2049 2017 2160p UHD BluRay REMUX HDR HEVC Atmos-GROUP",
             ["title": .string("Blade Runner 2049"), "year": .int(2017)]),
        Trap("Melancholia.2011.2160p.UHD.BluRay.x265-GRP", notDV.merging(["title": .string("Melancholia")]) { $1 }),
        Trap("Dovetail.2019.1080p.WEB-DL.DD5.1.H.264-GRP", notDV.merging(["title": .string("Dovetail")]) { $1 }),
        Trap("Mel.Brooks.Unwrapped.2015.1080p.WEB-DL.AAC2.0.H.264-GRP",
             notDV.merging(["title": .string("Mel Brooks Unwrapped"), "audio": .string("AAC"), "channels": .string("2.0")]) { $1 }),
        Trap("Felon.2008.1080p.BluRay.DTS.x264-GRP", notDV.merging(["title": .string("Felon"), "audio": .string("DTS")]) { $1 }),
        Trap("Casablanca.1942.DVDRip.XviD-GRP", notDV.merging(["source": .string("DVD"), "remux": .bool(false)]) { $1 }),
        Trap("Movie.2020.1080p.BluRay.x264-FELiX", notDV.merging(["group": .string("FELiX")]) { $1 }),
        Trap("Movie.2020.1080p.BluRay.x264-HDRMEL", notDV.merging(["group": .string("HDRMEL"), "hdr10": .bool(false)]) { $1 }),
        // A name ending in a marker after a dash has no group: the marker still counts.
        Trap("Movie.2020.1080p.AMZN.WEB-DL", ["group": .null, "source": .string("WEB-DL")]),
        Trap("Movie.2020.2160p.BluRay.REMUX.DV-HDR", ["group": .null, "dv": .bool(true), "hdr10": .bool(true)]),
        Trap("Movie.2020.2160p.WEB-DL.DDP5.1.H.265-P7FEL", notDV),
        // Numbers in titles are not years.
        Trap("2046.2004.1080p.BluRay.x264-GRP", ["title": .string("2046"), "year": .int(2004)]),
        Trap("1408.2007.Directors.Cut.1080p.BluRay.x264-GRP", ["title": .string("1408"), "year": .int(2007)]),
        Trap("Apollo.13.1995.2160p.UHD.BluRay.REMUX.DV.P7.FEL.HDR.HEVC.DTS-X.7.1-GRP",
             ["title": .string("Apollo 13"), "year": .int(1995), "dv": .bool(true), "dvProfile": .int(7),
              "dvLayer": .string("FEL"), "audio": .string("DTS-X"), "channels": .string("7.1"), "remux": .bool(true)]),
        Trap("Wonder Woman 1984 (2020) 2160p", ["title": .string("Wonder Woman 1984"), "year": .int(2020)]),
        Trap("Fantastic.Four.2015.1080p.BluRay.x264-GRP", ["title": .string("Fantastic Four"), "year": .int(2015)]),
        // Edition words are trimmed only as editions.
        Trap("The.Collection.2012.1080p.BluRay.x264-GRP", ["title": .string("The Collection"), "year": .int(2012)]),
        Trap("The.Final.Cut.2004.1080p.BluRay.x264-GRP", ["title": .string("The Final Cut")]),
        Trap("Aliens.1986.Special.Edition.1080p.BluRay.x264-GRP", ["title": .string("Aliens")]),
        Trap("Kingdom.of.Heaven.Directors.Cut.2005.1080p.BluRay.x264-GRP",
             ["title": .string("Kingdom of Heaven"), "year": .int(2005)]),
        // Markers in every spelling LABELS.md lists.
        Trap("Movie.2019.2160p.BluRay.REMUX.HEVC.DV.BL+RPU.HDR10.TrueHD.7.1.Atmos-GRP",
             ["dv": .bool(true), "dvProfile": .null, "dvLayer": .null, "hdr10": .bool(true)]),
        Trap("Movie.2019.2160p.BluRay.REMUX.HEVC.DoVi.P8.1.HDR10.DTS-HD.MA.7.1-GRP",
             ["dvProfile": .int(8), "dvLayer": .null, "audio": .string("DTS-HD MA"), "channels": .string("7.1")]),
        Trap("Movie 2019 2160p BluRay Remux HEVC Dolby Vision Profile 5 TrueHD 7.1-GRP",
             ["dv": .bool(true), "dvProfile": .int(5), "dvLayer": .null]),
        Trap("Movie.2019.2160p.WEB-DL.DV.HDR.10.Plus.E-AC-3.5.1.H.265-GRP",
             ["hdr10Plus": .bool(true), "audio": .string("DD+"), "channels": .string("5.1"), "codec": .string("HEVC")]),
        Trap("Movie.2019.2160p.WEB-DL.HDR10.PLUS.DDPA5.1.H265-GRP",
             ["hdr10Plus": .bool(true), "hdr10": .bool(false), "atmos": .bool(true), "audio": .string("DD+")]),
        Trap("Movie.2019.1080p.BluRay.DTS-HD.Master.Audio.5.1.x264-GRP",
             ["audio": .string("DTS-HD MA"), "channels": .string("5.1"), "remux": .bool(false)]),
        Trap("Movie.2019.1080p.BluRay.DTSHD-MA.5.1.AVC.REMUX-GRP",
             ["audio": .string("DTS-HD MA"), "remux": .bool(true), "codec": .string("AVC")]),
        Trap("Movie.2019.2160p.UHD.BluRay.DTS:X.7.1.HEVC-GRP", ["audio": .string("DTS-X"), "channels": .string("7.1")]),
        Trap("Movie.2019.1080p.BluRay.DTS-HD.HRA.7.1.x264-GRP", ["channels": .string("7.1")]),
        Trap("Movie.2019.1080p.BluRay.TrueHDA7.1.x264-GRP",
             ["audio": .string("TrueHD"), "atmos": .bool(true), "channels": .string("7.1")]),
        Trap("Movie.2019.1080p.BluRay.LPCM.2.0.VC-1.REMUX-GRP",
             ["audio": .string("LPCM"), "channels": .string("2.0"), "codec": .string("VC-1"), "remux": .bool(true)]),
        Trap("Movie.1960.1080i.BluRay.MPEG-2.DD.1.0-GRP", ["codec": .string("MPEG-2"), "audio": .string("DD")]),
        Trap("Movie.2019.HDTV.720p.x264.AC3.2.0-GRP",
             ["source": .string("HDTV"), "resolution": .string("720p"), "audio": .string("DD"), "channels": .string("2.0")]),
        Trap("Movie.2019.HLG.2160p.WEB.H265-GRP", ["hlg": .bool(true), "hdr10": .bool(false), "remux": .null]),
        Trap("Movie.2019.UHD.BluRay.1080p.x265-GRP", ["resolution": .string("1080p"), "source": .string("BluRay")]),
        Trap("Movie.2019.4K.HDR.WEBRip.x265-GRP", ["resolution": .string("2160p"), "source": .string("WEBRip")]),
        Trap("Movie.2019.1440p.WEB.x264-GRP", ["resolution": .null]),
        Trap("Movie 2019 1080p Blu-ray AVC DTS-HD MA 5.1-GRP", ["source": .string("BluRay")]),
        Trap("Movie.2019.1080p.WEB-DL.DD5.1.H.264.x264-GRP", ["codec": .null]),
        Trap("Movie.2019.1080p.BluRay.DTS.AC3.x264-GRP", ["audio": .null]),
        // Groups.
        Trap("Movie.2019.1080p.BluRay.x264-GRP[rarbg].mkv", ["group": .string("GRP")]),
        Trap("Movie (2019) [1080p] [BluRay] [5.1] [YTS.MX]", ["group": .null, "channels": .string("5.1")]),
        Trap("Movie.2019.2160p.UHD.Blu-ray.Remux.DV.HDR.HEVC.TrueHD.Atmos.7.1.mkv",
             ["group": .null, "remux": .bool(true), "dv": .bool(true), "audio": .string("TrueHD")]),
        Trap("Movie.2019.1080p.BluRay.DTS-HD.MA.5.1", ["group": .null, "audio": .string("DTS-HD MA")]),
        // Episodes.
        Trap("Show.S01E01.1080p.WEB-DL.DDP5.1.H.264-GRP", ["kind": .string("episode")]),
        Trap("Show.2019.S02.2160p.WEB-DL.DDP5.1.DV.H.265-GRP", ["kind": .string("episode"), "dv": .bool(true)]),
        Trap("Show.3x07.720p.HDTV.x264-GRP", ["kind": .string("episode")]),
        Trap("Game.of.Thrones.Season.1.2160p.BluRay.REMUX-GRP", ["kind": .string("episode")]),
        Trap("Season.of.the.Witch.2011.1080p.BluRay.x264-GRP", ["kind": .string("movie"), "title": .string("Season of the Witch")]),
        // A leading site tag is not part of the title.
        Trap("[ www.Speed.cd ] -Movie.Name.2019.1080p.BluRay.x264-GRP", ["title": .string("Movie Name"), "year": .int(2019)]),
        Trap("[TGx] Movie Name 2019 1080p WEB-DL DDP5.1 H 264-GRP", ["title": .string("Movie Name"), "group": .string("GRP")]),
        Trap("Se7en.1995.2160p.UHD.BluRay.x265-GRP", ["kind": .string("movie"), "title": .string("Se7en")]),
        Trap("S1m0ne.2002.1080p.BluRay.x264-GRP", ["kind": .string("movie"), "year": .int(2002)]),
    ]

    @Test(arguments: traps)
    func trap(_ trap: Trap) {
        let parsed = ReleaseNameParser.parse(trap.name)
        for (field, expected) in trap.expect.sorted(by: { $0.key < $1.key }) {
            var actual = parsed.corpusValue(field)
            var wanted = expected
            if field == "title", case .string(let got) = actual, case .string(let want) = expected {
                actual = .string(CorpusCase.normalizedTitle(got))
                wanted = .string(CorpusCase.normalizedTitle(want))
            }
            #expect(actual == wanted, "\(field): expected \(expected), parsed \(parsed.corpusValue(field))")
        }
    }

    @Test func titlesAreWrittenAsAPersonWould() {
        #expect(ReleaseNameParser.parse("R.I.P.D.2013.720p.BluRay.x264-SPARKS").title == "R.I.P.D.")
        #expect(ReleaseNameParser.parse("Titan.A.E.2000.720p.HDTV").title == "Titan A.E.")
        #expect(ReleaseNameParser.parse("Ant-Man.2015.1080p.BluRay.x264-GRP").title == "Ant-Man")
        #expect(ReleaseNameParser.parse("Avatar: The Way of Water 2022 1080p").title == "Avatar: The Way of Water")
        #expect(ReleaseNameParser.parse("The_Godfather_1972_1080p_BluRay_x264").title == "The Godfather")
    }
}
