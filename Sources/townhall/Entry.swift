import TownhallCLI

@main
struct Entry {
    static func main() async {
        await TownhallCommand.main(nil)
    }
}
