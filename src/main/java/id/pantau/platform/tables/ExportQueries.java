package id.pantau.platform.tables;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How an export reads its rows: in a read-only transaction, through a cursor that fetches a thousand rows at a time
 * (PostgreSQL keeps a cursor open only inside a transaction), each row handed on as it comes. An export of a million
 * rows needs no more memory than one of ten.
 */
@Component
public class ExportQueries {

	static final int FETCH_SIZE = 1000;

	private final NamedParameterJdbcTemplate jdbc;
	private final TransactionTemplate readOnly;

	ExportQueries(DataSource dataSource, PlatformTransactionManager transactions) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = new NamedParameterJdbcTemplate(template);
		this.readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
	}

	/** Runs the query with its named parameters and hands each row to {@code handler}. */
	public void query(String sql, Map<String, ?> params, RowCallbackHandler handler) {
		readOnly.executeWithoutResult(status -> jdbc.query(sql, params, handler));
	}
}
