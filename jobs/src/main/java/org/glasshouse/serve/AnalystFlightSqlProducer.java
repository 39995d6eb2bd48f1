package org.glasshouse.serve;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.ActionType;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.BasicFlightSqlProducer;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.glasshouse.serve.client.BatchSink;
import org.glasshouse.serve.client.FlightQueries;
import org.glasshouse.serve.client.QueryFailed;

/**
 * The Flight SQL side of serve: statements and prepared statements (the JDBC driver prepares every query), the
 * catalogue calls SQL tools make (tables with their schemas, table types, SqlInfo) and one action, run metrics.
 * Statement and prepared-statement handles are the query text itself, so the server keeps no per-client state and
 * every ticket is checked by {@link QueryGuard} again when it is redeemed.
 */
public final class AnalystFlightSqlProducer extends BasicFlightSqlProducer {

    private static final String TABLE_TYPE = "VIEW";
    private static final long STREAM_WAIT_MS = 10 * 60 * 1000L;

    private final ServedViews views;
    private final BufferAllocator allocator;
    private final RunMetricsAction runMetrics;
    private final SqlInfoBuilder sqlInfo;

    public AnalystFlightSqlProducer(ServedViews views, BufferAllocator allocator, RunMetricsAction runMetrics) {
        this.views = views;
        this.allocator = allocator;
        this.runMetrics = runMetrics;
        this.sqlInfo = new SqlInfoBuilder()
                .withFlightSqlServerName("Glasshouse serve")
                .withFlightSqlServerVersion(String.valueOf(getClass().getPackage().getImplementationVersion()))
                .withFlightSqlServerArrowVersion(String.valueOf(Schema.class.getPackage().getImplementationVersion()))
                .withFlightSqlServerReadOnly(true)
                .withFlightSqlServerSql(true)
                .withFlightSqlServerSubstrait(false)
                .withFlightSqlServerTransaction(FlightSql.SqlSupportedTransaction.SQL_SUPPORTED_TRANSACTION_NONE)
                .withSqlIdentifierQuoteChar("`");
    }

    // ---- statements ----

    @Override
    public FlightInfo getFlightInfoStatement(FlightSql.CommandStatementQuery command, CallContext context,
                                             FlightDescriptor descriptor) {
        Schema schema = schemaOf(command.getQuery());
        FlightSql.TicketStatementQuery ticket = FlightSql.TicketStatementQuery.newBuilder()
                .setStatementHandle(ByteString.copyFromUtf8(command.getQuery())).build();
        return info(ticket, descriptor, schema);
    }

    @Override
    public SchemaResult getSchemaStatement(FlightSql.CommandStatementQuery command, CallContext context,
                                           FlightDescriptor descriptor) {
        return new SchemaResult(schemaOf(command.getQuery()));
    }

    @Override
    public void getStreamStatement(FlightSql.TicketStatementQuery ticket, CallContext context,
                                   ServerStreamListener listener) {
        stream(ticket.getStatementHandle().toStringUtf8(), listener);
    }

    // ---- prepared statements (no parameters: the handle is the query) ----

    @Override
    public void createPreparedStatement(FlightSql.ActionCreatePreparedStatementRequest request, CallContext context,
                                        StreamListener<Result> listener) {
        try {
            Schema schema = schemaOf(request.getQuery());
            FlightSql.ActionCreatePreparedStatementResult result = FlightSql.ActionCreatePreparedStatementResult
                    .newBuilder()
                    .setPreparedStatementHandle(ByteString.copyFromUtf8(request.getQuery()))
                    .setDatasetSchema(ByteString.copyFrom(ipc(schema)))
                    .setParameterSchema(ByteString.copyFrom(ipc(new Schema(List.of()))))
                    .build();
            listener.onNext(new Result(Any.pack(result).toByteArray()));
            listener.onCompleted();
        } catch (Exception e) {
            listener.onError(status(e));
        }
    }

    @Override
    public void closePreparedStatement(FlightSql.ActionClosePreparedStatementRequest request, CallContext context,
                                       StreamListener<Result> listener) {
        listener.onCompleted();  // nothing is held for a handle
    }

    @Override
    public FlightInfo getFlightInfoPreparedStatement(FlightSql.CommandPreparedStatementQuery command,
                                                     CallContext context, FlightDescriptor descriptor) {
        return info(command, descriptor, schemaOf(command.getPreparedStatementHandle().toStringUtf8()));
    }

    @Override
    public void getStreamPreparedStatement(FlightSql.CommandPreparedStatementQuery command, CallContext context,
                                           ServerStreamListener listener) {
        stream(command.getPreparedStatementHandle().toStringUtf8(), listener);
    }

    // ---- catalogue ----

    @Override
    protected <T extends Message> List<FlightEndpoint> determineEndpoints(T request, FlightDescriptor descriptor,
                                                                          Schema schema) {
        return List.of(new FlightEndpoint(new Ticket(Any.pack(request).toByteArray())));
    }

    @Override
    public void getStreamSqlInfo(FlightSql.CommandGetSqlInfo command, CallContext context,
                                 ServerStreamListener listener) {
        sqlInfo.send(command.getInfoList(), listener);
    }

    @Override
    public void getStreamCatalogs(CallContext context, ServerStreamListener listener) {
        sendEmpty(Schemas.GET_CATALOGS_SCHEMA, listener);  // temporary views live in no catalogue
    }

    @Override
    public void getStreamSchemas(FlightSql.CommandGetDbSchemas command, CallContext context,
                                 ServerStreamListener listener) {
        sendEmpty(Schemas.GET_SCHEMAS_SCHEMA, listener);  // ... and in no schema
    }

    @Override
    public void getStreamTableTypes(CallContext context, ServerStreamListener listener) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(Schemas.GET_TABLE_TYPES_SCHEMA, allocator)) {
            ((VarCharVector) root.getVector("table_type")).setSafe(0, TABLE_TYPE.getBytes(StandardCharsets.UTF_8));
            root.setRowCount(1);
            listener.start(root);
            listener.putNext();
            listener.completed();
        }
    }

    @Override
    public void getStreamTables(FlightSql.CommandGetTables command, CallContext context,
                                ServerStreamListener listener) {
        try {
            ServedViews.Snapshot snapshot = views.current();
            boolean typeMatches = command.getTableTypesCount() == 0
                    || command.getTableTypesList().stream().anyMatch(TABLE_TYPE::equalsIgnoreCase);
            Pattern name = command.hasTableNameFilterPattern() ? like(command.getTableNameFilterPattern()) : null;
            List<String> matching = snapshot.views().stream().sorted()
                    .filter(v -> typeMatches && (name == null || name.matcher(v).matches())).toList();
            Schema schema = command.getIncludeSchema() ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA;
            try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
                VarCharVector table = (VarCharVector) root.getVector("table_name");
                VarCharVector type = (VarCharVector) root.getVector("table_type");
                for (int i = 0; i < matching.size(); i++) {
                    table.setSafe(i, matching.get(i).getBytes(StandardCharsets.UTF_8));
                    type.setSafe(i, TABLE_TYPE.getBytes(StandardCharsets.UTF_8));
                    if (command.getIncludeSchema()) {
                        byte[] tableSchema = ipc(SparkArrow.schema(snapshot.session().table(matching.get(i))));
                        ((VarBinaryVector) root.getVector("table_schema")).setSafe(i, tableSchema);
                    }
                }
                root.setRowCount(matching.size());
                listener.start(root);
                listener.putNext();
                listener.completed();
            }
        } catch (Exception e) {
            listener.error(status(e));
        }
    }

    // ---- run metrics ----

    @Override
    public void listActions(CallContext context, StreamListener<ActionType> listener) {
        listener.onNext(new ActionType(FlightQueries.RUN_METRICS,
                "compute every metric table for a subset (run metrics); body: programme, partner, as-of as properties"));
        super.listActions(context, listener);
    }

    @Override
    public void doAction(CallContext context, Action action, StreamListener<Result> listener) {
        if (!FlightQueries.RUN_METRICS.equals(action.getType())) {
            super.doAction(context, action, listener);
            return;
        }
        if (runMetrics == null) {
            listener.onError(CallStatus.UNIMPLEMENTED.withDescription("run metrics is not offered here")
                    .toRuntimeException());
            return;
        }
        try {
            for (String part : runMetrics.run(action.getBody())) {
                listener.onNext(new Result(part.getBytes(StandardCharsets.UTF_8)));
            }
            listener.onCompleted();
        } catch (Exception e) {
            listener.onError(status(e));
        }
    }

    // ---- helpers ----

    private Schema schemaOf(String sql) {
        try {
            return SparkArrow.schema(views.query(sql));
        } catch (Exception e) {
            throw status(e);
        }
    }

    private void stream(String sql, ServerStreamListener listener) {
        try {
            Dataset<Row> result = views.query(sql);
            BackpressureStrategy backpressure = new BackpressureStrategy.CallbackBackpressureStrategy();
            backpressure.register(listener);
            SparkArrow.stream(result, allocator, new BatchSink() {
                @Override
                public void start(VectorSchemaRoot root) {
                    listener.start(root);
                }

                @Override
                public boolean batch(VectorSchemaRoot root) {
                    BackpressureStrategy.WaitResult ready = backpressure.waitForListener(STREAM_WAIT_MS);
                    if (ready != BackpressureStrategy.WaitResult.READY) return false;
                    listener.putNext();
                    return true;
                }
            });
            if (listener.isCancelled()) return;
            listener.completed();
        } catch (Exception e) {
            listener.error(status(QueryErrors.failed(e)));  // e.g. an ANSI cast or division error: the query's
        }
    }

    private static FlightInfo info(Message command, FlightDescriptor descriptor, Schema schema) {
        return new FlightInfo(schema, descriptor,
                List.of(new FlightEndpoint(new Ticket(Any.pack(command).toByteArray()))), -1, -1);
    }

    private void sendEmpty(Schema schema, ServerStreamListener listener) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            root.setRowCount(0);
            listener.start(root);
            listener.completed();
        }
    }

    /** A schema as an encapsulated IPC message, the form Flight SQL clients read (MessageSerializer). */
    static byte[] ipc(Schema schema) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            MessageSerializer.serialize(new WriteChannel(Channels.newChannel(bytes)), schema);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** SQL LIKE ('%' any run, '_' one character, '\' escapes) as a regular expression. */
    static Pattern like(String pattern) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            else if (c == '%') re.append(".*");
            else if (c == '_') re.append('.');
            else re.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /** Refused or unanswerable queries are the client's to fix (INVALID_ARGUMENT); anything else is ours. */
    private static RuntimeException status(Exception e) {
        if (e instanceof org.apache.arrow.flight.FlightRuntimeException f) return f;
        CallStatus status = e instanceof QueryFailed ? CallStatus.INVALID_ARGUMENT : CallStatus.INTERNAL;
        return status.withDescription(QueryErrors.failed(e).getMessage()).toRuntimeException();
    }
}
