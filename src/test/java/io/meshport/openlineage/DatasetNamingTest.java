package io.meshport.openlineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.Violation;
import io.openlineage.client.dataset.Naming;
import io.openlineage.client.utils.DatasetIdentifier;
import io.openlineage.client.utils.filesystem.FilesystemDatasetUtils;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each server type names its datasets exactly as the OpenLineage naming specification's table
 * says (website/docs/spec/naming.md), checked where it can be against what the OpenLineage Java
 * client's own naming helpers produce: matching is exact, so a client's name must be ours.
 */
class DatasetNamingTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    private static List<DatasetName> named(String server, String... tables) {
        return DatasetNaming.ofServer(JSON.readTree(server), List.of(tables));
    }

    private static DatasetName as(Naming.DatasetNaming client) {
        return new DatasetName(client.getNamespace(), client.getName());
    }

    private static DatasetName as(DatasetIdentifier client) {
        return new DatasetName(client.getNamespace(), client.getName());
    }

    @Nested
    class Warehouses {

        @Test
        void postgresIsHostAndPortThenDatabaseSchemaTable() {
            assertThat(named("""
                            {"type": "postgresql", "host": "db.example.com", "port": 5432,
                             "database": "analytics", "schema": "public"}""", "orders"))
                    .containsExactly(new DatasetName("postgres://db.example.com:5432", "analytics.public.orders"))
                    .containsExactly(as(Naming.Postgres.builder()
                            .host("db.example.com")
                            .port("5432")
                            .database("analytics")
                            .schema("public")
                            .table("orders")
                            .build()));
        }

        @Test
        void postgresWithoutAPortUsesTheDefaultAndAQualifiedPhysicalNameFillsFromTheRight() {
            assertThat(named("""
                            {"type": "postgres", "host": "db", "database": "analytics", "schema": "public"}""", "sales.orders", "other_db.sales.lines"))
                    .containsExactly(
                            new DatasetName("postgres://db:5432", "analytics.sales.orders"),
                            new DatasetName("postgres://db:5432", "other_db.sales.lines"));
        }

        @Test
        void mysqlIsDatabaseThenTable() {
            assertThat(named("""
                            {"type": "mysql", "host": "mysql.example.com", "port": 3306, "database": "shop"}""", "orders"))
                    .containsExactly(as(Naming.MySQL.builder()
                            .host("mysql.example.com")
                            .port("3306")
                            .database("shop")
                            .table("orders")
                            .build()));
        }

        @Test
        void sqlServerIsNamedAsTheSpecificationSaysAndAsJdbcClientsSayIt() {
            assertThat(named("""
                            {"type": "sqlserver", "host": "sql.example.com", "database": "sales", "schema": "dbo"}""", "orders"))
                    .containsExactly(
                            new DatasetName("mssql://sql.example.com:1433", "sales.dbo.orders"),
                            new DatasetName("sqlserver://sql.example.com:1433", "sales.dbo.orders"));
        }

        @Test
        void synapseIsSqlServerWithSchemaAndTable() {
            assertThat(named("""
                            {"type": "synapse", "host": "ws.sql.azuresynapse.net", "port": 1433, "database": "dw",
                             "schema": "dbo"}""", "orders"))
                    .containsExactly(as(Naming.AzureSynapse.builder()
                            .host("ws.sql.azuresynapse.net")
                            .port("1433")
                            .schema("dbo")
                            .table("orders")
                            .build()));
        }

        @Test
        void oracleIsServiceNameSchemaTable() {
            assertThat(named("""
                            {"type": "oracle", "host": "ora.example.com", "port": 1521, "serviceName": "ORCLPDB1"}""", "SALES.ORDERS"))
                    .containsExactly(as(Naming.Oracle.builder()
                            .host("ora.example.com")
                            .port("1521")
                            .serviceName("ORCLPDB1")
                            .schema("SALES")
                            .table("ORDERS")
                            .build()));
        }

        @Test
        void oracleWithoutASchemaAnywhereNamesNothing() {
            assertThat(named("""
                            {"type": "oracle", "host": "ora.example.com", "port": 1521, "serviceName": "ORCLPDB1"}""", "ORDERS")).isEmpty();
        }

        @Test
        void redshiftIsClusterAndRegionFromTheEndpointAndTheEndpointAsJdbcClientsWriteIt() {
            assertThat(named("""
                            {"type": "redshift", "host": "examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com",
                             "database": "dev", "schema": "public"}""", "orders"))
                    .containsExactly(
                            as(Naming.Redshift.builder()
                                    .clusterIdentifier("examplecluster")
                                    .region("us-west-2")
                                    .port("5439")
                                    .database("dev")
                                    .schema("public")
                                    .table("orders")
                                    .build()),
                            new DatasetName(
                                    "redshift://examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com:5439",
                                    "dev.public.orders"));
        }

        @Test
        void redshiftFromAClusterIdentifierAndARegion() {
            assertThat(named("""
                            {"type": "redshift", "host": "examplecluster", "region": "eu-west-1", "database": "dev",
                             "schema": "public"}""", "orders"))
                    .containsExactly(new DatasetName("redshift://examplecluster.eu-west-1:5439", "dev.public.orders"));
        }

        @Test
        void snowflakeIsTheAccountInLowerCaseAndTheNameInUpperCaseUnlessQuoted() {
            assertThat(named("""
                            {"type": "snowflake", "account": "MyOrg-MyAccount", "database": "analytics",
                             "schema": "public", "warehouse": "wh"}""", "orders", "\"MixedCase\""))
                    .containsExactly(
                            as(Naming.Snowflake.builder()
                                    .organizationName("myorg")
                                    .accountName("myaccount")
                                    .database("ANALYTICS")
                                    .schema("PUBLIC")
                                    .table("ORDERS")
                                    .build()),
                            new DatasetName("snowflake://myorg-myaccount", "ANALYTICS.PUBLIC.MixedCase"));
        }

        @Test
        void snowflakeAccountLocatorsKeepTheirRegionAndLoseTheDomain() {
            assertThat(named("""
                            {"type": "snowflake", "account": "xy12345.us-east-1.snowflakecomputing.com",
                             "database": "DB", "schema": "S"}""", "t")).containsExactly(new DatasetName("snowflake://xy12345.us-east-1", "DB.S.T"));
        }

        @Test
        void bigQueryIsTheBareNamespaceAndProjectDatasetTable() {
            assertThat(named("""
                            {"type": "bigquery", "project": "my-project", "dataset": "sales"}""", "orders"))
                    .containsExactly(as(Naming.BigQuery.builder()
                            .projectId("my-project")
                            .datasetName("sales")
                            .tableName("orders")
                            .build()))
                    .containsExactly(new DatasetName("bigquery", "my-project.sales.orders"));
        }

        @Test
        void databricksIsUnityCatalogOnTheWorkspaceHost() {
            assertThat(named("""
                            {"type": "databricks", "host": "https://dbc-abcdefgh-1234.cloud.databricks.com",
                             "catalog": "main", "schema": "sales"}""", "orders"))
                    .containsExactly(new DatasetName(
                            "unitycatalog://dbc-abcdefgh-1234.cloud.databricks.com", "main.sales.orders"));
        }

        @Test
        void databricksWithoutAHostNamesNothing() {
            assertThat(named("""
                            {"type": "databricks", "catalog": "main", "schema": "sales"}""", "orders")).isEmpty();
        }

        @Test
        void trinoIsCatalogSchemaTable() {
            assertThat(named("""
                            {"type": "trino", "host": "trino.example.com", "port": 8443, "catalog": "hive",
                             "schema": "sales"}""", "orders"))
                    .containsExactly(as(Naming.Trino.builder()
                            .host("trino.example.com")
                            .port("8443")
                            .catalog("hive")
                            .schema("sales")
                            .table("orders")
                            .build()));
        }

        @Test
        void hiveIsDatabaseAndTableOnTheMetastore() {
            assertThat(named("""
                            {"type": "hive", "host": "metastore.example.com", "port": 9083, "database": "sales"}""", "orders"))
                    .containsExactly(new DatasetName("hive://metastore.example.com:9083", "sales.orders"));
        }

        @Test
        void glueIsTheArnAndTableSlashDatabaseSlashTable() {
            assertThat(named("""
                            {"type": "glue", "account": "123456789012", "region": "eu-west-1", "database": "sales"}""", "orders"))
                    .containsExactly(as(Naming.AWSGlue.builder()
                            .region("eu-west-1")
                            .accountId("123456789012")
                            .databaseName("sales")
                            .tableName("orders")
                            .build()));
        }

        @Test
        void glueTakesItsRegionFromTheServersCustomPropertiesAsOdcsHasNoRegionField() {
            assertThat(named("""
                            {"type": "glue", "account": "123456789012", "database": "sales",
                             "customProperties": [{"property": "region", "value": "eu-west-1"}]}""", "orders"))
                    .containsExactly(as(Naming.AWSGlue.builder()
                            .region("eu-west-1")
                            .accountId("123456789012")
                            .databaseName("sales")
                            .tableName("orders")
                            .build()));
        }

        @Test
        void glueWithoutARegionNamesNothing() {
            assertThat(named("""
                            {"type": "glue", "account": "123456789012", "database": "sales"}""", "orders")).isEmpty();
        }

        @Test
        void athenaIsTheRegionalEndpointAndCatalogDatabaseTable() {
            assertThat(named("""
                            {"type": "athena", "stagingDir": "s3://results/", "schema": "sales",
                             "regionName": "eu-west-1"}""", "orders"))
                    .containsExactly(as(Naming.Athena.builder()
                            .regionName("eu-west-1")
                            .catalog("awsdatacatalog")
                            .database("sales")
                            .table("orders")
                            .build()));
        }
    }

    @Nested
    class Streams {

        @Test
        void kafkaIsTheFirstBootstrapServerAndTheTopic() {
            assertThat(named("""
                            {"type": "kafka", "host": "broker1.example.com:9092,broker2.example.com:9092",
                             "format": "avro"}""", "orders.v1"))
                    .containsExactly(as(Naming.Kafka.builder()
                            .bootstrapServerHost("broker1.example.com")
                            .port("9092")
                            .topic("orders.v1")
                            .build()));
        }

        @Test
        void kafkaWithoutAPortUsesTheDefaultAndAServerTopicWins() {
            assertThat(named("""
                            {"type": "kafka", "host": "SASL_SSL://broker", "topic": "payments"}""", "ignored")).containsExactly(new DatasetName("kafka://broker:9092", "payments"));
        }
    }

    @Nested
    class Files {

        @Test
        void s3IsTheBucketAndTheKeyUpToTheFirstGlob() {
            assertThat(named("""
                            {"type": "s3", "location": "s3://my-bucket/data/orders/*.parquet", "format": "parquet"}"""))
                    .containsExactly(new DatasetName("s3://my-bucket", "data/orders"))
                    .containsExactly(as(FilesystemDatasetUtils.fromLocation(URI.create("s3://my-bucket/data/orders"))));
        }

        @Test
        void s3aLocationsAreS3AndAModelPlaceholderNamesEachTable() {
            assertThat(named("""
                            {"type": "s3", "location": "s3a://lake/sales/{model}/"}""", "orders", "lines"))
                    .containsExactly(
                            new DatasetName("s3://lake", "sales/orders"), new DatasetName("s3://lake", "sales/lines"));
        }

        @Test
        void gcsIsTheBucketAndTheObjectKey() {
            assertThat(named("""
                            {"type": "custom", "location": "gs://my-bucket/exports/orders"}"""))
                    .containsExactly(as(Naming.GCS
                            .builder()
                            .bucketName("my-bucket")
                            .objectKey("exports/orders")
                            .build()));
        }

        @Test
        void azureDataLakeIsContainerAtAccountAndThePath() {
            DatasetName expected = as(Naming.ABFSS
                    .builder()
                    .container("sales")
                    .service("mylake")
                    .path("orders")
                    .build());
            assertThat(named("""
                            {"type": "azure", "location": "abfss://sales@mylake.dfs.core.windows.net/orders/*.parquet",
                             "format": "parquet"}""")).containsExactly(expected);
            // ODCS's own example puts the container first in the path.
            assertThat(named("""
                            {"type": "azure", "location": "abfss://mylake.dfs.core.windows.net/sales/orders/*.parquet",
                             "format": "parquet"}""")).containsExactly(expected);
        }

        @Test
        void azureBlobStorageIsWasbsAsTheSpecificationWritesItAndAsSparkWritesIt() {
            assertThat(named("""
                            {"type": "azure", "location": "wasbs://sales@mylake.blob.core.windows.net/orders",
                             "format": "csv"}"""))
                    .containsExactly(
                            as(Naming.WASBS
                                    .builder()
                                    .containerName("sales")
                                    .serviceName("mylake")
                                    .objectKey("orders")
                                    .build()),
                            as(FilesystemDatasetUtils.fromLocation(
                                    URI.create("wasbs://sales@mylake.blob.core.windows.net/orders"))));
        }

        @Test
        void aLocalPathIsTheFileNamespaceAndTheAbsolutePath() {
            assertThat(named("""
                            {"type": "local", "path": "/data/orders/", "format": "parquet"}"""))
                    .containsExactly(as(Naming.LocalFileSystem.builder()
                            .path("/data/orders")
                            .build()))
                    .containsExactly(as(FilesystemDatasetUtils.fromLocation(URI.create("file:/data/orders"))));
        }

        @Test
        void hdfsKeepsTheLeadingSlashAsClientsDo() {
            assertThat(named("""
                            {"type": "custom", "location": "hdfs://namenode:8020/warehouse/orders"}"""))
                    .containsExactly(as(
                            FilesystemDatasetUtils.fromLocation(URI.create("hdfs://namenode:8020/warehouse/orders"))));
        }
    }

    @Nested
    class WhatNamesNothing {

        @Test
        void aTypeTheSpecificationDoesNotNameIsNoDatasetAndNoError() {
            assertThat(named("""
                            {"type": "api", "location": "https://api.example.com/v1"}""", "orders")).isEmpty();
            assertThat(named("""
                            {"type": "sftp", "location": "sftp://files.example.com/x"}""", "orders")).isEmpty();
            assertThat(named("""
                            {"type": "no-such-type", "host": "h"}""", "orders")).isEmpty();
        }

        @Test
        void aServerWithoutTheFieldsItsNameNeedsIsNoDataset() {
            assertThat(named("""
                            {"type": "postgres", "database": "a", "schema": "b"}""", "t")).isEmpty();
            assertThat(named("""
                            {"type": "postgres", "host": "h", "schema": "b"}""", "t")).isEmpty();
            assertThat(named("""
                            {"type": "bigquery", "project": "p"}""", "t")).isEmpty();
            assertThat(named("""
                            {"type": "s3"}""", "t")).isEmpty();
            assertThat(named("""
                            {"host": "h"}""", "t")).isEmpty();
            assertThat(named("""
                            {"type": 42}""", "t")).isEmpty();
        }

        @Test
        void aTableWithAnEmptyPartIsNoDataset() {
            assertThat(named("""
                            {"type": "postgres", "host": "h", "database": "a", "schema": "b"}""", "x..y", " ")).isEmpty();
        }
    }

    @Nested
    class Contracts {

        @Test
        void aContractNamesEachSchemaObjectOnEachServerByItsPhysicalNameOrElseItsName() {
            JsonNode contract = JSON.readTree("""
                    {"apiVersion": "v3.1.0", "kind": "DataContract", "id": "c", "version": "1.0.0", "status": "active",
                     "servers": [
                       {"server": "prod", "type": "postgres", "host": "db", "port": 5432, "database": "shop",
                        "schema": "public"},
                       {"server": "lake", "type": "s3", "location": "s3://lake/{model}"}],
                     "schema": [
                       {"name": "orders", "physicalName": "orders_v2"},
                       {"name": "customers"}]}
                    """);
            assertThat(DatasetNaming.ofContract(contract))
                    .containsExactly(
                            new DatasetName("postgres://db:5432", "shop.public.orders_v2"),
                            new DatasetName("postgres://db:5432", "shop.public.customers"),
                            new DatasetName("s3://lake", "orders_v2"),
                            new DatasetName("s3://lake", "customers"));
        }

        @Test
        void aContractWithoutServersNamesNothing() {
            assertThat(DatasetNaming.ofContract(JSON.readTree("""
                            {"schema": [{"name": "orders"}]}"""))).isEmpty();
            assertThat(DatasetNaming.ofContract(JSON.readTree("""
                            {"servers": "not a list", "schema": 3}"""))).isEmpty();
        }
    }

    @Nested
    class ExplicitMapping {

        private DatasetNaming.Mapping mapping(String port) {
            return DatasetNaming.explicit(JSON.readTree(port), "/outputPorts/2");
        }

        @Test
        void aPortNamesItsDatasetsInItsCustomProperty() {
            DatasetNaming.Mapping mapping = mapping("""
                    {"name": "out", "version": "1", "customProperties": [
                      {"property": "accessApproval", "value": "owners"},
                      {"property": "openlineageDatasets", "value": [
                        {"namespace": "salesforce://acme.my.salesforce.com", "name": "Account"},
                        {"namespace": "file", "name": "/exports/orders.csv"},
                        {"namespace": "file", "name": "/exports/orders.csv"}]}]}
                    """);
            assertThat(mapping.violations()).isEmpty();
            assertThat(mapping.datasets())
                    .containsExactly(
                            new DatasetName("salesforce://acme.my.salesforce.com", "Account"),
                            new DatasetName("file", "/exports/orders.csv"));
        }

        @Test
        void aPortWithoutTheCustomPropertyNamesNothingAndIsFine() {
            assertThat(mapping("""
                            {"name": "out", "version": "1"}""")).isEqualTo(new DatasetNaming.Mapping(List.of(), List.of()));
        }

        @Test
        void aMappingThatIsNotAListIsRefusedAtItsValue() {
            assertThat(mapping("""
                                    {"name": "out", "customProperties": [
                                      {"property": "x", "value": 1},
                                      {"property": "openlineageDatasets", "value": "postgres://h:5432/a.b.c"}]}""").violations())
                    .extracting(Violation::pointer)
                    .containsExactly("/outputPorts/2/customProperties/1/value");
        }

        @Test
        void eachBadEntryIsRefusedAtItsOwnPointerWithWhatIsWrong() {
            DatasetNaming.Mapping mapping = mapping("""
                    {"name": "out", "customProperties": [{"property": "openlineageDatasets", "value": [
                      {"namespace": "ok", "name": "fine"},
                      "not an object",
                      {"name": "no namespace"},
                      {"namespace": 5, "name": "x"},
                      {"namespace": "", "name": "x"},
                      {"namespace": "a\\u0000b", "name": "x"},
                      {"namespace": " padded", "name": "x"},
                      {"namespace": "n", "name": "%s"}]}]}
                    """.formatted("x".repeat(DatasetNaming.MAX_NAME_BYTES + 1)));
            assertThat(mapping.datasets()).containsExactly(new DatasetName("ok", "fine"));
            assertThat(mapping.violations())
                    .extracting(Violation::pointer)
                    .containsExactly(
                            "/outputPorts/2/customProperties/0/value/1",
                            "/outputPorts/2/customProperties/0/value/2/namespace",
                            "/outputPorts/2/customProperties/0/value/3/namespace",
                            "/outputPorts/2/customProperties/0/value/4/namespace",
                            "/outputPorts/2/customProperties/0/value/5/namespace",
                            "/outputPorts/2/customProperties/0/value/6/namespace",
                            "/outputPorts/2/customProperties/0/value/7/name");
            assertThat(mapping.violations().get(1).message()).isEqualTo("A dataset needs a namespace.");
        }

        @Test
        void aMappingOfTooManyDatasetsIsRefused() {
            StringBuilder many = new StringBuilder();
            for (int i = 0; i <= DatasetNaming.MAX_MAPPED; i++) {
                many.append(i == 0 ? "" : ",")
                        .append("{\"namespace\": \"n\", \"name\": \"t")
                        .append(i)
                        .append("\"}");
            }
            assertThat(mapping("{\"customProperties\": [{\"property\": \"openlineageDatasets\", \"value\": [" + many
                                    + "]}]}")
                            .violations())
                    .singleElement()
                    .extracting(Violation::message)
                    .asString()
                    .contains("at most " + DatasetNaming.MAX_MAPPED);
        }
    }
}
