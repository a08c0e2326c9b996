-- Every write looks for another team's product of the same name (issue 12, C2): compared
-- ignoring case and surrounding blanks, as CatalogService does.
create index data_product_name_lookup on data_product (lower(trim(name)));
