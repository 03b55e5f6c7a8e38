package id.pantau.platform;

import java.util.Comparator;

/**
 * A place in the changes feed that partner systems read: the transaction that wrote a change and the change's number
 * from the shared sequence {@code change_seq}. Changes are read in this order, and only from transactions older than
 * every transaction still running ({@code pg_snapshot_xmin}), so a change committed late cannot land behind a place a
 * reader has already passed.
 *
 * @param transaction the writing transaction's id ({@code xid8}, as a number)
 * @param sequence the change's number, unique across all tables of the feed
 */
public record ChangePosition(long transaction, long sequence) implements Comparable<ChangePosition> {

	public static final ChangePosition START = new ChangePosition(0, 0);

	private static final Comparator<ChangePosition> ORDER = Comparator.comparingLong(ChangePosition::transaction)
			.thenComparingLong(ChangePosition::sequence);

	/** The SQL condition for rows after {@code :afterTx, :afterSeq} and below {@code :horizon}. */
	public static String sqlAfter(String transactionColumn, String sequenceColumn) {
		return "(" + transactionColumn + ", " + sequenceColumn + ") > (cast(:afterTx as text)::xid8, :afterSeq) and "
				+ transactionColumn + " < cast(:horizon as text)::xid8";
	}

	@Override
	public int compareTo(ChangePosition other) {
		return ORDER.compare(this, other);
	}
}
