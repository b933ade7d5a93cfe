import Testing
import Foundation
import TestSupport

/// Inputs that are not bounded text: an overlong line, a 1 GB file without a line break, a FIFO, a
/// link to /dev/zero, an absurd thread count. Each ends quickly with its documented exit code; none
/// hangs or buffers without limit (`timeout` kills a hang, which fails the test with 124).
@Suite struct BoundedInputTests {
    static let header = try! String(contentsOfFile: BadInputCase.folder + "/base/availability.csv", encoding: .utf8)

    static func lastmile(_ arguments: [String]) throws -> CommandResult {
        try CommandLineRun.run("timeout", ["60", CommandLineRun.lastmileExecutable] + arguments)
    }

    @Test func aLineLongerThan1MiBIs65NamingItsLine() throws {
        let dir = try TemporaryDirectory()
        // Header, five rows, then a 2 MiB line (inside one 4 MiB chunk) and, in another file, a 5 MiB one.
        let inChunk = try dir.write("long.csv", Self.header + String(repeating: "x", count: 2 << 20) + "\n")
        let beyondChunk = try dir.write("longer.csv", Self.header + String(repeating: "y", count: 5 << 20) + "\n")
        for path in [inChunk, beyondChunk] {
            let r = try Self.lastmile(["classify", path, "--by", "county"])
            #expect(r.status == 65, "\(r.stderr)")
            #expect(r.stderr.contains("\(path), line 7: the line is longer than 1 MiB (1048576 bytes)"), "\(r.stderr)")
        }
        let header = try dir.write("header.csv", String(repeating: "h", count: 3 << 20))
        for command in ["classify", "inspect"] {
            let r = try Self.lastmile(command == "classify" ? [command, header, "--by", "county"] : [command, header])
            #expect(r.status == 65, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("header.csv, line 1: the line is longer than 1 MiB"), "\(command): \(r.stderr)")
        }
    }

    @Test func aSparse1GBFileWithoutALineBreakIs65Quickly() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("sparse.csv")
        #expect(try CommandLineRun.run("truncate", ["-s", "1G", path]).status == 0)
        let r = try Self.lastmile(["classify", path, "--by", "county"])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("sparse.csv, line 1: the line is longer than 1 MiB"), "\(r.stderr)")
    }

    @Test func aFIFOOrALinkToDevZeroIsSkippedByInitAndRefusedByEveryReader() throws {
        let dir = try TemporaryDirectory()
        try dir.write("availability.csv", Self.header)
        #expect(try CommandLineRun.run("mkfifo", [dir.file("pipe.csv")]).status == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.file("zero.csv"), withDestinationPath: "/dev/zero")
        let initRun = try Self.lastmile(["init", dir.path])
        #expect(initRun.status == 0, "\(initRun.stderr)")
        #expect(initRun.stdout.contains("availability: 1 file(s)"), "\(initRun.stdout)")
        #expect(initRun.stdout.contains("skipped pipe.csv: a FIFO (named pipe), not a regular file"), "\(initRun.stdout)")
        #expect(initRun.stdout.contains("skipped zero.csv: a character device, not a regular file"), "\(initRun.stdout)")
        for (name, kind) in [("pipe.csv", "a FIFO (named pipe)"), ("zero.csv", "a character device")] {
            for args in [["inspect", dir.file(name)], ["classify", dir.file(name), "--by", "county"]] {
                let r = try Self.lastmile(args)
                #expect(r.status == 74, "\(args): \(r.stderr)")
                #expect(r.stderr.contains("\(dir.file(name)): cannot read: \(kind), not a regular file"), "\(args): \(r.stderr)")
            }
        }
    }

    @Test func threadsAreCappedAtFourPerCore() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("availability.csv", Self.header)
        let one = try Self.lastmile(["classify", path, "--by", "county", "--threads", "1"])
        let many = try Self.lastmile(["classify", path, "--by", "county", "--threads", "100000"])
        #expect(one.status == 0 && many.status == 0, "\(one.stderr) \(many.stderr)")
        #expect(many.stdout == one.stdout)
    }
}
