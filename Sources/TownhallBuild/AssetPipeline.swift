import Foundation
import TownhallDiagnostics
import TownhallRender

/// Copies theme assets; CSS and JS get fingerprinted names so browsers may cache them forever.
enum AssetPipeline {
    static func process(_ assets: [ThemeAsset], diagnostics: inout [Diagnostic]) -> ([OutputFile], [String: String]) {
        var files: [OutputFile] = []
        var paths: [String: String] = [:]
        for asset in assets {
            let ext = (asset.path as NSString).pathExtension
            guard ext == "css" || ext == "js" else {
                files.append(OutputFile(path: asset.path, contents: .copy(asset.source)))
                continue
            }
            guard let data = try? Data(contentsOf: asset.source) else {
                diagnostics.append(.error("cannot read asset", at: SourceLocation(file: asset.source.path)))
                continue
            }
            let name = Fingerprint.name(asset.path, data: data)
            files.append(OutputFile(path: name, contents: .data(data)))
            let short = ((asset.path as NSString).lastPathComponent as NSString).deletingPathExtension
            paths[short] = name
        }
        return (files, paths)
    }
}
