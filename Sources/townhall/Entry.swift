import TownhallCLI

@main
struct Entry {
    static func main() async {
        HugePages.prepare()
        await TownhallCommand.main(nil)
    }
}
