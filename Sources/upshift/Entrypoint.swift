import UpshiftCLI

/// The `upshift` executable: everything lives in `UpshiftCLI` so that tests can reach it.
@main
struct Entrypoint {
    static func main() async {
        await Upshift.main()
    }
}
