-- Owner reviews of a product's lineage and SLAs (issue 6). Each sign-off is kept; the latest one
-- sets when the next review is due. The sign-off also appears in the product's history
-- (change_record, action 'reviewed'), written by the catalog in the same transaction.
create table product_review (
    id            bigint generated always as identity primary key,
    product_id    text        not null references data_product (id) on delete cascade,
    reviewer_id   bigint      not null references app_user (id),
    reviewer_name text        not null,
    reviewed_at   timestamptz not null,
    comment       text        not null
);

create index product_review_product_idx on product_review (product_id, reviewed_at desc);
