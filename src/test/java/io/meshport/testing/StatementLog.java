package io.meshport.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Every SQL statement the portal sends while a test records, whichever thread sends it (a
 * browser's request is served on another thread than the test's). Hibernate, Spring's
 * {@code JdbcClient} and Flyway all reach the database through the one {@link DataSource}, which
 * the test infrastructure wraps, so the log sees them all. A statement prepared once and executed
 * in a batch counts once.
 */
public final class StatementLog {

    private static volatile boolean recording;
    private static final ConcurrentLinkedQueue<String> STATEMENTS = new ConcurrentLinkedQueue<>();

    private StatementLog() {}

    /** The statements sent while {@code work} runs, in order. */
    public static Recorded<@Nullable Void> during(Runnable work) {
        return answering(() -> {
            work.run();
            return null;
        });
    }

    /** What {@code work} answered and the statements sent meanwhile. */
    public static synchronized <T extends @Nullable Object> Recorded<T> answering(Supplier<T> work) {
        STATEMENTS.clear();
        recording = true;
        try {
            T result = work.get();
            return new Recorded<>(result, List.copyOf(STATEMENTS));
        } finally {
            recording = false;
            STATEMENTS.clear();
        }
    }

    public record Recorded<T extends @Nullable Object>(T result, List<String> statements) {

        /** The statements that name this table (case-insensitive, as a whole word). */
        public List<String> touching(String table) {
            String needle = table.toLowerCase(Locale.ROOT);
            List<String> touching = new ArrayList<>();
            for (String sql : statements) {
                if (sql.toLowerCase(Locale.ROOT).matches("(?s).*\\b" + needle + "\\b.*")) {
                    touching.add(sql);
                }
            }
            return touching;
        }
    }

    /** Wraps the portal's data source; registered by {@link TestInfrastructure}. */
    static final class Wrapping implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource dataSource && !(bean instanceof Logging)) {
                return new Logging(dataSource);
            }
            return bean;
        }
    }

    private static final class Logging extends DelegatingDataSource {

        Logging(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return connection(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws java.sql.SQLException {
            return connection(super.getConnection(username, password));
        }
    }

    private static Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args) -> {
            String name = method.getName();
            if (recording && (name.equals("prepareStatement") || name.equals("prepareCall"))) {
                STATEMENTS.add((String) args[0]);
            }
            Object result = method.invoke(target, args);
            if (name.equals("createStatement") && result instanceof Statement statement) {
                return statement(statement);
            }
            return result;
        });
    }

    private static Statement statement(Statement target) {
        return proxy(Statement.class, target, (method, args) -> {
            if (recording
                    && method.getName().startsWith("execute")
                    && args != null
                    && args.length > 0
                    && args[0] instanceof String sql) {
                STATEMENTS.add(sql);
            }
            return method.invoke(target, args);
        });
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args[0] instanceof Class<?> wanted && wanted.isInstance(target)) {
                return target;
            }
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
