import Foundation
import TestSupport
import Testing

/// A disk that fails part way through a BDC file: `read(2)` returns EIO for one named file after a
/// number of bytes, injected into the real `lastmile` binary by an `LD_PRELOAD` shim built here with `cc`.
/// The read error must be exit 74 naming the file and the system's reason, never a shorter file's counts.
@Suite(.serialized) struct ReadFaultTests {
    /// The shim: counts bytes read per descriptor of the file whose name ends with LASTMILE_FAULT_FILE,
    /// lets the first LASTMILE_FAULT_SKIP opens of it read freely, and fails reads past
    /// LASTMILE_FAULT_AFTER bytes with EIO. LASTMILE_FAIL_OPEN, LASTMILE_FAIL_MKDIR and
    /// LASTMILE_FAIL_WRITE ("TEXT:ERRNO") fail open(2), mkdir(2) or write(2) on paths containing TEXT.
    static let shimSource = #"""
        #define _GNU_SOURCE
        #include <dlfcn.h>
        #include <errno.h>
        #include <fcntl.h>
        #include <stdarg.h>
        #include <stdlib.h>
        #include <string.h>
        #include <unistd.h>
        static long long counted[65536];
        static char tracked[65536];
        static char failingWrites[65536];
        static int opens;
        /* The errno to fail with when `path` contains the TEXT of the variable "TEXT:ERRNO", else 0. */
        static int failure(const char *variable, const char *path) {
            const char *spec = getenv(variable), *colon = spec ? strrchr(spec, ':') : NULL;
            if (!colon || !path) return 0;
            char text[4096];
            size_t n = (size_t)(colon - spec);
            if (n >= sizeof text) return 0;
            memcpy(text, spec, n); text[n] = 0;
            return strstr(path, text) ? atoi(colon + 1) : 0;
        }
        static void watch(const char *path, int fd) {
            const char *name = getenv("LASTMILE_FAULT_FILE");
            if (fd < 0 || fd >= 65536 || !name || !path) return;
            size_t n = strlen(name), p = strlen(path);
            if (p < n || strcmp(path + p - n, name) != 0) return;
            const char *skip = getenv("LASTMILE_FAULT_SKIP");
            if (opens++ < (skip ? atoi(skip) : 0)) return;
            tracked[fd] = 1; counted[fd] = 0;
        }
        static int open_with(const char *symbol, const char *path, int flags, mode_t mode) {
            int (*real)(const char *, int, ...) = dlsym(RTLD_NEXT, symbol);
            int code = failure("LASTMILE_FAIL_OPEN", path);
            if (code) { errno = code; return -1; }
            int fd = real(path, flags, mode);
            watch(path, fd);
            if (fd >= 0 && fd < 65536) failingWrites[fd] = (char)failure("LASTMILE_FAIL_WRITE", path);
            return fd;
        }
        int mkdir(const char *path, mode_t mode) {
            int (*real)(const char *, mode_t) = dlsym(RTLD_NEXT, "mkdir");
            int code = failure("LASTMILE_FAIL_MKDIR", path);
            if (code) { errno = code; return -1; }
            return real(path, mode);
        }
        ssize_t write(int fd, const void *buffer, size_t count) {
            ssize_t (*real)(int, const void *, size_t) = dlsym(RTLD_NEXT, "write");
            if (fd >= 0 && fd < 65536 && failingWrites[fd]) { errno = failingWrites[fd]; return -1; }
            return real(fd, buffer, count);
        }
        int open(const char *path, int flags, ...) {
            va_list a; va_start(a, flags); mode_t m = va_arg(a, int); va_end(a);
            return open_with("open", path, flags, m);
        }
        int open64(const char *path, int flags, ...) {
            va_list a; va_start(a, flags); mode_t m = va_arg(a, int); va_end(a);
            return open_with("open64", path, flags, m);
        }
        int close(int fd) {
            int (*real)(int) = dlsym(RTLD_NEXT, "close");
            if (fd >= 0 && fd < 65536) { tracked[fd] = 0; failingWrites[fd] = 0; }
            return real(fd);
        }
        ssize_t read(int fd, void *buffer, size_t count) {
            ssize_t (*real)(int, void *, size_t) = dlsym(RTLD_NEXT, "read");
            if (fd < 0 || fd >= 65536 || !tracked[fd]) return real(fd, buffer, count);
            long long after = atoll(getenv("LASTMILE_FAULT_AFTER"));
            if (counted[fd] >= after) { errno = EIO; return -1; }
            if (counted[fd] + (long long)count > after) count = (size_t)(after - counted[fd]);
            ssize_t n = real(fd, buffer, count);
            if (n > 0) counted[fd] += n;
            return n;
        }
        """#

    /// The inputs: a 4 MB BDC file over the bad-input corpus's blocks, and its .gz and .zip forms.
    final class Inputs: @unchecked Sendable {
        let dir: TemporaryDirectory
        let shim: String
        init() throws {
            dir = try TemporaryDirectory("lastmile-fault")
            let source = try dir.write("shim.c", ReadFaultTests.shimSource)
            shim = dir.file("shim.so")
            let cc = try CommandLineRun.run("cc", ["-shared", "-fPIC", "-O1", "-o", shim, source, "-ldl"])
            guard cc.status == 0 else { throw LastmileTestFailure("cc failed: \(cc.stderr)") }
            let base = try String(contentsOfFile: BadInputCase.folder + "/base/availability.csv", encoding: .utf8)
            let lines = base.split(separator: "\n")
            var text = String(lines[0]) + "\n"
            let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            for i in 0..<40_000 {
                var fields = rows[i % rows.count]
                fields[3] = Substring(String(1_000_000 + i))
                text += fields.joined(separator: ",") + "\n"
            }
            let csv = try dir.write("bdc.csv", text)
            try dir.write("zipped/bdc.csv", text)
            #expect(try CommandLineRun.run("gzip", ["-k", csv]).status == 0)
            #expect(
                try CommandLineRun.run("zip", ["-j", "-q", dir.file("bdc.zip"), dir.file("zipped/bdc.csv")]).status == 0
            )
        }

        /// `lastmile` with reads of `file` failing after half its bytes, on opens after the first `skip`.
        /// Checked as `CommandLineRun.lastmile` checks: `exit` and `stderr`.
        @discardableResult
        func lastmile(
            _ arguments: [String], failing file: String, skip: Int = 0, expecting exit: ExpectedExit,
            stderr: ExpectedStderr, sourceLocation: SourceLocation = #_sourceLocation
        ) throws -> CommandResult {
            let size = try FileManager.default.attributesOfItem(atPath: dir.file(file))[.size] as! Int
            return try CommandLineRun.lastmile(
                arguments + ["--no-progress"],
                environment: [
                    "LD_PRELOAD": shim, "LASTMILE_FAULT_FILE": "/" + file,
                    "LASTMILE_FAULT_AFTER": String(size / 2), "LASTMILE_FAULT_SKIP": String(skip),
                ], expecting: exit, stderr: stderr, sourceLocation: sourceLocation)
        }
    }

    static let inputs = Result { try Inputs() }

    @Test(arguments: ["bdc.csv", "bdc.csv.gz", "bdc.zip"])
    func classifyReadErrorIsExit74(file: String) throws {
        let inputs = try Self.inputs.get()
        let healthy = try CommandLineRun.lastmile(
            ["classify", inputs.dir.file(file), "--by", "county", "--no-progress"],
            stderr: .containing(Warnings.incompleteUniverse))
        #expect(healthy.stdout.contains("40000"), "\(healthy.stdout)")
        let r = try inputs.lastmile(
            ["classify", inputs.dir.file(file), "--by", "county"], failing: file,
            expecting: .exit(74), stderr: .containing(inputs.dir.file(file), "Input/output error"))
        #expect(r.stdout.isEmpty, "\(r.stdout)")
    }

    /// The ingest read (which also fingerprints the file as it reads it) meets the fault.
    @Test(arguments: ["bdc.csv", "bdc.csv.gz", "bdc.zip"])
    func runReadErrorIsExit74AndAFailedRun(file: String) throws {
        let inputs = try Self.inputs.get()
        let out = try TemporaryDirectory()
        try inputs.lastmile(
            [
                "run", BadInputCase.folder + "/base/study.toml", "--out", out.path,
                "--set", "inputs.availability=\(inputs.dir.file(file))",
            ], failing: file,
            expecting: .exit(74),
            stderr: .containing(inputs.dir.file(file) + ": cannot read at byte", "Input/output error"))
        let list = try CommandLineRun.lastmile(["runs", "list", "--out", out.path, "--format", "csv"])
        #expect(list.stdout.contains(",failed,"), "\(list.stdout)")
        #expect(!list.stdout.contains(",done,"), "\(list.stdout)")
    }

    /// The system's own reasons, through the real binary: an unreadable BDC file (EACCES), an output
    /// folder on a read-only file system (EROFS) and a full disk while writing results.csv (ENOSPC)
    /// are 74 naming the path and the reason; the failed run is recorded as failed.
    @Test func permissionReadOnlyAndFullDiskAre74WithTheReason() throws {
        let inputs = try Self.inputs.get()
        let shim = ["LD_PRELOAD": inputs.shim]
        try CommandLineRun.lastmile(
            ["classify", inputs.dir.file("bdc.csv.gz"), "--by", "county", "--no-progress"],
            environment: shim.merging(["LASTMILE_FAIL_OPEN": "/bdc.csv.gz:13"]) { $1 },
            expecting: .exit(74),
            stderr: .containing(inputs.dir.file("bdc.csv.gz") + ": cannot open: Permission denied"))

        let out = try TemporaryDirectory()
        let study = BadInputCase.folder + "/base/study.toml"
        let readOnly = try CommandLineRun.lastmile(
            [
                "run", study, "--out", out.file("reports"), "--store", out.file("runs.sqlite"),
                "--no-progress", "--set", "risk.draws=100",
            ],
            environment: shim.merging(["LASTMILE_FAIL_MKDIR": "/reports:30"]) { $1 },
            expecting: .exit(74), stderr: .containing(": Read-only file system"))
        #expect(!readOnly.stderr.contains("NSCocoaErrorDomain"), "\(readOnly.stderr)")

        try CommandLineRun.lastmile(
            ["run", study, "--out", out.file("full"), "--no-progress", "--set", "risk.draws=100"],
            environment: shim.merging(["LASTMILE_FAIL_WRITE": "results.csv:28"]) { $1 },
            expecting: .exit(74),
            stderr: .containing("results.csv", "No space left on device"))
        let list = try CommandLineRun.lastmile(["runs", "list", "--out", out.file("full"), "--format", "csv"])
        #expect(list.stdout.contains(",failed,") && !list.stdout.contains(",done,"), "\(list.stdout)")
    }

    @Test func directoryAsBDCFileIsExit74IsADirectory() throws {
        let dir = try TemporaryDirectory()
        try CommandLineRun.lastmile(
            ["classify", dir.path, "--by", "county", "--no-progress"],
            expecting: .exit(74), stderr: .containing(dir.path + ": cannot read: Is a directory"))
    }
}

struct LastmileTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
