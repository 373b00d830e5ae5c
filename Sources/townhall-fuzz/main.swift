import Foundation

// `townhall-fuzz TARGET [libFuzzer options | corpus folders]`.
// Built with `-sanitize=fuzzer -D FUZZING` (see `make fuzz`) it runs libFuzzer on the target;
// built normally it replays the inputs of the given folders, which is the smoke run of `make test`.

let arguments = CommandLine.arguments
guard arguments.count >= 2, let target = Targets.all.first(where: { $0.name == arguments[1] }) else {
    FileHandle.standardError.write(Data("usage: townhall-fuzz TARGET [inputs…]\ntargets: \(Targets.all.map(\.name).joined(separator: ", "))\n".utf8))
    exit(2)
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

nonisolated(unsafe) var selected = target

// libFuzzer's runtime requires this symbol even when it is driven through LLVMFuzzerRunDriver.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selected.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

// libFuzzer sees the program name followed by everything after the target name.
var forwarded = [arguments[0]] + arguments.dropFirst(2)
var argc = Int32(forwarded.count)
var cStrings = forwarded.map { strdup($0) } + [nil]
let status = cStrings.withUnsafeMutableBufferPointer { buffer -> Int32 in
    var argv = buffer.baseAddress
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput)
}
exit(status)
#else
var count = 0
for folder in arguments.dropFirst(2) {
    let url = URL(fileURLWithPath: folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    for name in names.sorted() where !name.hasPrefix(".") {
        guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path) else { continue }
        target.run([UInt8](data))
        count += 1
    }
}
print("\(target.name): replayed \(count) inputs without a crash")
#endif
