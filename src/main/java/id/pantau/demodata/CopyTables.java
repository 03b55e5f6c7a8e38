package id.pantau.demodata;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/** COPY into tables on one connection, counting the rows and the time of each table. */
final class CopyTables {

	private final Connection connection;
	private final CopyManager copy;
	private final Map<String, long[]> tables = new LinkedHashMap<>();

	CopyTables(Connection connection) throws SQLException {
		this.connection = connection;
		this.copy = new CopyManager(connection.unwrap(BaseConnection.class));
	}

	Connection connection() {
		return connection;
	}

	/** COPYs the rows of {@code text} into {@code table} and empties it. */
	long copy(String table, String columns, CopyText text) throws SQLException, IOException {
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
	void add(String table, long rows, long nanos) {
		long[] figures = tables.computeIfAbsent(table, t -> new long[2]);
		figures[0] += rows;
		figures[1] += nanos;
	}

	long rows(String table) {
		long[] figures = tables.get(table);
		return figures == null ? 0 : figures[0];
	}

	List<DemoDataSet.TableFigures> figures() {
		List<DemoDataSet.TableFigures> figures = new ArrayList<>();
		tables.forEach((table, f) -> figures.add(new DemoDataSet.TableFigures(table, f[0], f[1] / 1e9)));
		return figures;
	}
}
