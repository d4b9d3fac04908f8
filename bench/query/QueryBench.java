import dev.quiver.core.query.Index;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.Listing;
import dev.quiver.core.query.NamePattern;
import dev.quiver.core.xref.PathQuery;
import dev.quiver.core.xref.Paths;
import dev.quiver.core.xref.Xref;
import dev.quiver.core.xref.XrefQuery;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * In-process timings of the query layer on one database (issue 8's targets): each question is
 * asked WARM times to warm the JIT and SQLite's page cache, then RUNS times; prints the median
 * wall time, the median CPU time of the asking thread (SQLite runs on it, through JNI: on a busy
 * machine this is the number that does not depend on the other processes), and the answer's
 * size. Run by bench/query-bench.sh.
 */
public class QueryBench {
    static final int WARM = Integer.getInteger("warm", 3);
    static final int RUNS = Integer.getInteger("runs", 9);

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        System.out.println("| question | wall ms (median) | cpu ms (median) | target | | rows |");
        System.out.println("|---|---|---|---|---|---|");
        try (Index index = Index.open(db)) {
            String busy = "Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;";
            String deep = args.length > 1 ? args[1] : "Landroid/os/Parcel;->writeInt(I)V";
            String virt = args.length > 2 ? args[2] : "Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V";
            time("class by exact name", 5, () -> index.list(ListQuery.of(Listing.CLASSES)
                    .where("class", NamePattern.exact("Landroid/app/Activity;")), null).rows().size());
            time("method by exact signature", 5, () -> index.list(ListQuery.of(Listing.METHODS)
                    .where("method", NamePattern.exact(virt)), null).rows().size());
            time("methods of a class (glob Lcls;->*)", 100, () -> index.list(ListQuery.of(Listing.METHODS)
                    .where("method", NamePattern.auto("Landroid/app/Activity;->*", false)), null).rows().size());
            time("classes by package glob", 100, () -> index.list(ListQuery.of(Listing.CLASSES)
                    .where("class", NamePattern.auto("Landroid/app/*", false)), null).rows().size());
            time("classes by infix glob *Cipher*", 100, () -> index.list(ListQuery.of(Listing.CLASSES)
                    .where("class", NamePattern.auto("*Cipher*", false)), null).rows().size());
            time("classes --extends Activity (transitive)", 100, () -> index.list(ListQuery.of(Listing.CLASSES)
                    .withHierarchy("Landroid/app/Activity;", null, false), null).rows().size());
            time("xref --callers depth 1, most-called method", 50, () -> Xref.run(index,
                    XrefQuery.of(XrefQuery.Target.CALLERS, busy), null).rows().size());
            time("xref --callers depth 1, " + short_(deep), 50, () -> Xref.run(index,
                    XrefQuery.of(XrefQuery.Target.CALLERS, deep), null).rows().size());
            time("xref --callers --depth 5, " + short_(deep), 1000, () -> Xref.run(index,
                    XrefQuery.of(XrefQuery.Target.CALLERS, deep).withDepth(5), null).rows().size());
            time("xref --callees --depth 5, " + short_(virt), 1000, () -> Xref.run(index,
                    XrefQuery.of(XrefQuery.Target.CALLEES, virt).withDepth(5), null).rows().size());
            time("xref --callers --dispatch, " + short_(virt), 2000, () -> Xref.run(index,
                    XrefQuery.of(XrefQuery.Target.CALLERS, virt).withDispatch(true), null).rows().size());
            time("xref --callers --depth 3 --dispatch, " + short_(virt), 2000, () -> Xref.run(index,
                    XrefQuery.of(XrefQuery.Target.CALLERS, virt).withDispatch(true).withDepth(3), null).rows().size());
            time("xref --string exact", 50, () -> Xref.run(index,
                    XrefQuery.of(XrefQuery.Target.STRING_USERS, "android.intent.action.BOOT_COMPLETED"), null).rows().size());
            time("paths onCreate -> " + short_(deep) + " (depth 6)", 2000, () -> Paths.find(index,
                    PathQuery.between(virt, deep).withDepth(6), null).size());
        }
    }

    static String short_(String sig) {
        int arrow = sig.indexOf("->");
        String cls = sig.substring(sig.lastIndexOf('/', arrow) + 1, arrow - 1);
        return cls + "." + sig.substring(arrow + 2, sig.indexOf('('));
    }

    static void time(String what, long targetMs, Callable<Integer> q) throws Exception {
        int size = 0;
        for (int i = 0; i < WARM; i++) {
            size = q.call();
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Double> ms = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long c = mx.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            size = q.call();
            ms.add((System.nanoTime() - t) / 1e6);
            cpu.add((mx.getCurrentThreadCpuTime() - c) / 1e6);
        }
        Collections.sort(ms);
        Collections.sort(cpu);
        double median = ms.get(ms.size() / 2);
        double cpuMedian = cpu.get(cpu.size() / 2);
        System.out.printf("| %s | %.1f | %.1f | < %d | %s | %d |%n", what, median, cpuMedian, targetMs,
                median < targetMs ? "ok" : cpuMedian < targetMs ? "ok (cpu)" : "over", size);
    }
}
