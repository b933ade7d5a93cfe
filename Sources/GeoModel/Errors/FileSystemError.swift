import Foundation

extension LastmileError {
    /// A Foundation file-system error (creating a folder, writing or moving a file) as `.io` naming
    /// the path and the operating system's reason ("Not a directory", "Read-only file system", "No
    /// space left on device", "File name too long"), instead of `NSCocoaErrorDomain Code=…`; nil for
    /// any other error.
    public static func fileSystem(_ error: any Error) -> LastmileError? {
        let e = error as NSError
        guard e.domain == NSCocoaErrorDomain else { return nil }
        let path = e.userInfo[NSFilePathErrorKey] as? String ?? (e.userInfo[NSURLErrorKey] as? URL)?.path
        guard let path else { return nil }
        if let underlying = (e.userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError }),
            underlying.domain == NSPOSIXErrorDomain
        {
            return .io(path: path, String(cString: strerror(Int32(underlying.code))))
        }
        return .io(path: path, e.localizedDescription)
    }

    /// Why an operation failed, for a message about a path: an `.io` error's own reason, the system's
    /// reason inside a Foundation file error, else the error's description (never "LastmileError error 1").
    public static func reason(_ error: any Error) -> String {
        switch error as? LastmileError ?? fileSystem(error) {
        case .io(_, let why)?: why
        case let other?: other.description
        case nil: error.localizedDescription
        }
    }
}
