package id.pantau.platform.copy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * COPY into tables on one connection, counting the rows and the time of each table: the way a module that owns tables
 * loads generated data in bulk (millions of rows for benchmarks), within the caller's transaction.
 */
public final class CopyTables {

	/** Rows written into a table and the time spent writing them. */
	public record Figures(String table, long rows, long nanos) {
	}


	private final Connection connection;
	private final CopyManager copy;
	private final Map<String, long[]> tables = new LinkedHashMap<>();

	public CopyTables(Connection connection) throws SQLException {
		this.connection = connection;
		this.copy = new CopyManager(connection.unwrap(BaseConnection.class));
	}

	public Connection connection() {
		return connection;
	}

	/**
	 * The one number that {@code sql} selects (a next id, a count), on this connection; a collection parameter goes as
	 * a text array ({@code <> all (?)}).
	 */
	public long number(String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = prepared(sql, parameters); ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Runs {@code sql} (an update, a sequence moved) on this connection, outside the figures. */
	public void execute(String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = prepared(sql, parameters)) {
			statement.execute();
		}
	}

	private PreparedStatement prepared(String sql, Object... parameters) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		try {
			for (int i = 0; i < parameters.length; i++) {
				Object value = parameters[i] instanceof Collection<?> values
						? connection.createArrayOf("text", values.toArray()) : parameters[i];
				statement.setObject(i + 1, value);
			}
			return statement;
		}
		catch (SQLException | RuntimeException e) {
			statement.close();
			throw e;
		}
	}

	/** COPYs the rows of {@code text} into {@code table} and empties it. */
	public long copy(String table, String columns, CopyText text) throws SQLException, IOException {
		long[] figures = tables.computeIfAbsent(table, t -> new long[2]);
		if (text.rows() == 0) {
			return 0;
		}
		long started = System.nanoTime();
		long rows = copy.copyIn("copy " + table + " (" + columns + ") from stdin", text.drain());
		figures[0] += rows;
		figures[1] += System.nanoTime() - started;
		return rows;
	}

	/** Time spent on a table outside COPY (an insert ... select, an update), counted with it. */
	public void add(String table, long rows, long nanos) {
		long[] figures = tables.computeIfAbsent(table, t -> new long[2]);
		figures[0] += rows;
		figures[1] += nanos;
	}

	public long rows(String table) {
		long[] figures = tables.get(table);
		return figures == null ? 0 : figures[0];
	}

	/** Each table's figures, in the order first written. */
	public List<Figures> figures() {
		List<Figures> figures = new ArrayList<>();
		tables.forEach((table, f) -> figures.add(new Figures(table, f[0], f[1])));
		return figures;
	}
}
