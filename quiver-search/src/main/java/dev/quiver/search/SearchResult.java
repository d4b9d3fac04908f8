package dev.quiver.search;

import dev.quiver.search.edit.EditTarget;
import java.util.List;

/**
 * How a search ended.
 *
 * @param matched      something matched (or, for {@code --files}/{@code --files-without-match}, was listed)
 * @param errors       problems were reported (exit code 2)
 * @param stats        the totals
 * @param elapsedNanos wall time
 * @param replacements replacements written (or, with a dry run, that would be)
 * @param filesChanged files rewritten (or, with a dry run, that would be)
 * @param editTargets  with {@code --edit}: the first match of each file, in output order
 */
public record SearchResult(boolean matched, boolean errors, SearchStats stats, long elapsedNanos,
                           long replacements, long filesChanged, List<EditTarget> editTargets) {
}
