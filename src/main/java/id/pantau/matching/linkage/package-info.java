/**
 * A Fellegi-Sunter record linker with term-frequency adjustment, pure Java (no Spring, no database), thread-safe once
 * built. The pieces:
 * <ul>
 * <li>{@link id.pantau.matching.linkage.LinkageRecord}: one side of a pair as written (a registry person, a report, a
 * crossing);</li>
 * <li>{@link id.pantau.matching.linkage.Field}: the compared fields and their comparison levels;</li>
 * <li>{@link id.pantau.matching.linkage.LinkageModel}: m and u per field and level, the prior and the
 * {@link id.pantau.matching.linkage.Thresholds}; estimated by {@link id.pantau.matching.linkage.EmTrainer} from
 * {@link id.pantau.matching.linkage.PatternCounts} of unlabelled and labelled pairs, saved and loaded as
 * properties;</li>
 * <li>{@link id.pantau.matching.linkage.TermFrequencies}: how common each name and nationality is among the
 * persons;</li>
 * <li>{@link id.pantau.matching.linkage.Linker}: compares a pair into a {@link id.pantau.matching.linkage.Comparison}
 * (score, decision, one {@link id.pantau.matching.linkage.Contribution} per field: the explanation), and decides a
 * record against candidates the caller found ({@link id.pantau.matching.linkage.LinkResult});</li>
 * <li>{@link id.pantau.matching.linkage.PersonIndex}: blocking over persons held in memory, and
 * {@link id.pantau.matching.linkage.BatchLinkage} for linking many records against it in parallel.</li>
 * </ul>
 */
@org.springframework.modulith.NamedInterface("linkage")
package id.pantau.matching.linkage;
