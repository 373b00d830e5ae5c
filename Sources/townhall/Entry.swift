import TownhallCLI

@main
struct Entry {
    static func main() async {
        MallocTuning.apply()
        await TownhallCommand.main(nil)
    }
}
