import Foundation
import TestSupport

/// Runs the `sqlite3` command-line shell, an independent reader of what the store wrote.
enum SQLiteShell {
    /// The shell's stdout for `sql` against `database`, trailing newline removed.
    static func query(_ database: String, _ sql: String) throws -> String {
        let r = try CommandLineRun.run("sqlite3", [database, sql])
        guard r.status == 0 else { throw ShellError(message: r.stderr) }
        var text = r.stdout
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    struct ShellError: Error { let message: String }
}
