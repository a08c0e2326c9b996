-- Text the search index reads besides the product's own columns: limitations, usage, output
-- port names and descriptions, and the schema fields and SLA of the contracts its ports offer.
-- Recomputed by the catalog service whenever the product or one of those contracts changes.
alter table data_product
    add column search_text text   not null default '',
    add column port_types  text[] not null default '{}';
