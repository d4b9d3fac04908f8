package dev.quiver.dex;

import dev.quiver.core.Indexer;
import dev.quiver.core.Indexer.Format;
import dev.quiver.core.pipeline.ProgressListener;
import dev.quiver.core.pipeline.RunSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jf.baksmali.Baksmali;
import org.jf.baksmali.BaksmaliOptions;
import org.jf.dexlib2.DexFileFactory;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.iface.DexFile;
import org.jf.dexlib2.util.SyntheticAccessorResolver;
import org.jf.smali.Smali;
import org.jf.smali.SmaliOptions;

/** Test support: smali fixtures assembled to DEX/APK at test time, indexing, and SQL on the result. */
final class TestDex {
    /** API level of assembled fixtures: 28 gives DEX 039 with invoke-polymorphic and invoke-custom. */
    static final int API_LEVEL = 28;

    private TestDex() {
    }

    /** {@code src/test/resources/smali/<TestClass>/}. */
    static Path fixtures(Class<?> test) {
        try {
            return Path.of(test.getResource("/smali/" + test.getSimpleName()).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> smaliFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".smali")).sorted().toList();
        }
    }

    /** Assembles smali files into one DEX file with org.smali:smali. */
    static Path assemble(List<Path> smali, Path dex) throws IOException {
        SmaliOptions options = new SmaliOptions();
        options.apiLevel = API_LEVEL;
        options.outputDexFile = dex.toString();
        options.jobs = 1;
        List<String> files = smali.stream().map(Path::toString).toList();
        if (!Smali.assemble(options, files)) {
            throw new IllegalStateException("smali could not assemble " + files);
        }
        return dex;
    }

    /** Disassembles {@code dex} with baksmali (its options as given) into the smali tree {@code out}. */
    static Path disassemble(Path dex, Path out, BaksmaliOptions options) throws IOException {
        DexFile file = DexFileFactory.loadDexFile(dex.toFile(), Opcodes.forApi(API_LEVEL));
        options.apiLevel = API_LEVEL;
        if (options.accessorComments) {
            options.syntheticAccessorResolver = new SyntheticAccessorResolver(file.getOpcodes(), file.getClasses());
        }
        if (!Baksmali.disassembleDexFile(file, out.toFile(), 1, options)) {
            throw new IllegalStateException("baksmali could not disassemble " + dex);
        }
        return out;
    }

    /** Assembles smali text given in memory (one class per string). */
    static Path assembleText(Path dir, List<String> classes, String dexName) throws IOException {
        Path src = Files.createDirectories(dir.resolve(dexName + "-src"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            files.add(Files.writeString(src.resolve("c" + i + ".smali"), classes.get(i)));
        }
        return assemble(files, dir.resolve(dexName));
    }

    /** A zip with the given entries (name to bytes), in order. */
    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    static RunSummary index(Path db, int jobs, Path... inputs) throws IOException, InterruptedException {
        return Indexer.index(new Indexer.Request(List.of(inputs), db, Format.SQLITE, false, jobs, ".smali"),
                ProgressListener.NONE);
    }

    /** The first column of every row of {@code sql}, as text, in the query's order. */
    static List<String> rows(Path db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
