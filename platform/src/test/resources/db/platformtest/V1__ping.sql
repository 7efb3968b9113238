create table ping (id text primary key, attempts int not null default 0);
create table poison_switch (cured boolean not null);
insert into poison_switch values (false);
