package org.glasshouse.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Walks {@code INPUT/inbox/} without ever following a link or opening anything but a directory: partner folders
 * ({@code inbox/<partner_id>/}), their files and one level of sub-folders. Every entry is classified from its own
 * attributes (lstat): regular files become candidates; symbolic links, pipes, devices, sockets, hard links with
 * names outside the partner's folder and deeper folders become findings. Names starting with '.' or '_' are
 * skipped (uploads in progress, agency metadata).
 */
final class InboxScanner {

    /** A regular file to land, as it was when the folder was listed. */
    record Candidate(Path file, String partnerId, String folder, String source, Path partnerRoot) {}

    record Scan(List<Candidate> files, List<IngestFinding> findings, List<String> problems) {}

    private final Path input;
    private final List<Candidate> files = new ArrayList<>();
    private final List<IngestFinding> findings = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private InboxScanner(Path input) {
        this.input = input;
    }

    static Scan scan(Path input) {
        InboxScanner s = new InboxScanner(input);
        s.scanInbox(input.resolve("inbox"));
        return new Scan(List.copyOf(s.files), List.copyOf(s.findings), List.copyOf(s.problems));
    }

    private void scanInbox(Path inbox) {
        if (!Files.isDirectory(inbox)) return;
        List<Path> entries;
        try {
            entries = list(inbox);
        } catch (IOException e) {
            problems.add("inbox " + inbox + " could not be listed: " + e.getMessage());
            return;
        }
        for (Path e : entries) {
            String name = Names.printable(e.getFileName().toString());
            BasicFileAttributes a = attributes(e);
            if (a == null) {
                problems.add("inbox entry '" + name + "' could not be read; not taken");
                continue;
            }
            boolean partnerId = DatasetNaming.SAFE_ID.matcher(name).matches();
            if (a.isDirectory() && partnerId) {
                scanPartner(e, name);
            } else if (a.isDirectory()) {
                problems.add("inbox folder '" + name + "' is not a valid partner id; its files were not taken");
            } else if (a.isSymbolicLink() && partnerId) {
                findings.add(IngestFinding.of(name, rel(e), null, IngestRule.SYMBOLIC_LINK,
                        rel(e) + " (the partner folder) is a symbolic link; it was not followed and nothing in it was read."));
            } else if (!DatasetNaming.isMetadata(name)) {
                problems.add("inbox/" + name + " is not inside a partner folder (inbox/<partner_id>/); not taken");
            }
        }
    }

    private void scanPartner(Path dir, String partner) {
        Path root;
        List<Path> entries;
        try {
            root = dir.toRealPath();
            entries = list(dir);
        } catch (IOException | UncheckedIOException e) {
            findings.add(IngestFinding.of(partner, rel(dir), null, IngestRule.NOT_READ,
                    rel(dir) + " could not be listed: " + message(e)));
            return;
        }
        List<Candidate> mine = new ArrayList<>();
        List<Path> subFolders = new ArrayList<>();
        for (Path e : entries) {
            BasicFileAttributes a = classify(e, partner, true);
            if (a == null) continue;
            if (a.isDirectory()) subFolders.add(e);
            else mine.add(new Candidate(e, partner, null, rel(e), root));
        }
        for (Path sub : subFolders) {
            try {
                for (Path e : list(sub)) {
                    BasicFileAttributes a = classify(e, partner, false);
                    if (a != null) mine.add(new Candidate(e, partner, sub.getFileName().toString(), rel(e), root));
                }
            } catch (IOException | UncheckedIOException e) {
                findings.add(IngestFinding.of(partner, rel(sub), null, IngestRule.NOT_READ,
                        rel(sub) + " could not be listed: " + message(e)));
            }
        }
        files.addAll(withoutOutsideHardLinks(mine));
    }

    /** The entry's own attributes when it is a file to take (or, at the top level, a folder to enter); else null. */
    private BasicFileAttributes classify(Path e, String partner, boolean folderAllowed) {
        String name = e.getFileName().toString();
        if (DatasetNaming.isMetadata(name)) return null;
        BasicFileAttributes a = attributes(e);
        if (a == null) {
            findings.add(IngestFinding.of(partner, rel(e), null, IngestRule.NOT_READ, rel(e) + " could not be read."));
            return null;
        }
        if (a.isSymbolicLink()) {
            findings.add(IngestFinding.of(partner, rel(e), null, IngestRule.SYMBOLIC_LINK,
                    rel(e) + " is a symbolic link; it was not followed."));
            return null;
        }
        if (a.isDirectory()) {
            if (folderAllowed) return a;
            findings.add(IngestFinding.of(partner, rel(e), null, IngestRule.NOT_READ,
                    rel(e) + " is a folder inside a dataset folder; only one level of folders is read."));
            return null;
        }
        if (!a.isRegularFile()) {
            findings.add(IngestFinding.of(partner, rel(e), null, IngestRule.NOT_A_REGULAR_FILE,
                    rel(e) + " is not a regular file (a pipe, device or socket); it was not opened."));
            return null;
        }
        return a;
    }

    /**
     * A file with more hard links than names in the partner's own folder also has a name elsewhere (another
     * partner's folder, an agency file): it is refused. Links between the partner's own files are harmless.
     */
    private List<Candidate> withoutOutsideHardLinks(List<Candidate> mine) {
        Map<Object, Integer> namesHere = new HashMap<>();
        Map<Candidate, Object> keys = new HashMap<>();
        for (Candidate c : mine) {
            Object key = fileKey(c.file());
            if (key != null) {
                keys.put(c, key);
                namesHere.merge(key, 1, Integer::sum);
            }
        }
        List<Candidate> ok = new ArrayList<>();
        for (Candidate c : mine) {
            Integer links = linkCount(c.file());
            Object key = keys.get(c);
            if (links != null && key != null && links > namesHere.get(key)) {
                findings.add(IngestFinding.of(c.partnerId(), c.source(), null, IngestRule.HARD_LINK,
                        c.source() + " is a hard link (" + links + " names) to a file that also has a name outside "
                                + "your folder; it was not read."));
            } else {
                ok.add(c);
            }
        }
        return ok;
    }

    private String rel(Path p) {
        return Names.printable(input.relativize(p).toString());
    }

    static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    private static Object fileKey(Path p) {
        BasicFileAttributes a = attributes(p);
        return a == null ? null : a.fileKey();
    }

    /** The link count where the file system has one (POSIX); null elsewhere. */
    static Integer linkCount(Path p) {
        try {
            return (Integer) Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String message(Exception e) {
        return e instanceof UncheckedIOException u ? String.valueOf(u.getCause()) : String.valueOf(e);
    }
}
