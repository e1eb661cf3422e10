// The demo data set's SQL, kept as one readable script. See demo_sql.h.
#include "demo/demo_sql.h"

namespace graft::demo {

std::string_view schemaSql() {
  static constexpr std::string_view kSql = R"sql(
-- Graft's demo data set: a company's own Postgres once a sync tool (Fivetran, Airbyte, ...)
-- has copied Salesforce and HubSpot next to the application's tables. Sync tools write text
-- ids, lowercase names and no foreign keys; joins are left to whoever reads the data.
-- Deterministic: every row comes from generate_series and fixed lists, never random().

CREATE SCHEMA salesforce;
COMMENT ON SCHEMA salesforce IS 'Salesforce objects, as a sync tool writes them (Graft demo)';
CREATE SCHEMA hubspot;
COMMENT ON SCHEMA hubspot IS 'HubSpot objects, as a sync tool writes them (Graft demo)';

-- The application's own table.
CREATE TABLE public.users (
  id int PRIMARY KEY,
  first_name text NOT NULL,
  last_name text NOT NULL,
  email text NOT NULL UNIQUE
);
COMMENT ON TABLE public.users IS 'Users of the application';

CREATE TABLE salesforce.account (
  id text PRIMARY KEY,
  name text,
  type text,
  industry text,
  website text,
  billing_city text,
  billing_country text,
  annual_revenue numeric,
  number_of_employees int,
  created_date timestamptz,
  is_deleted boolean,
  _fivetran_synced timestamptz
);

CREATE TABLE salesforce.contact (
  id text PRIMARY KEY,
  account_id text,
  first_name text,
  last_name text,
  email text,
  title text,
  phone text,
  lead_source text,
  -- A custom field holding the application's user id, as text like every synced field.
  user_id varchar(255),
  -- Typed copy of user_id, so that users.id (int) can join it.
  _user_id int GENERATED ALWAYS AS (CAST(user_id AS int)) STORED,
  created_date timestamptz,
  is_deleted boolean,
  _fivetran_synced timestamptz
);

CREATE TABLE salesforce.opportunity (
  id text PRIMARY KEY,
  account_id text,
  name text,
  stage_name text,
  amount numeric(14, 2),
  probability int,
  close_date date,
  is_closed boolean,
  is_won boolean,
  created_date timestamptz,
  is_deleted boolean,
  _fivetran_synced timestamptz
);

CREATE TABLE hubspot.contact (
  id bigint PRIMARY KEY,
  email text,
  firstname text,
  lastname text,
  company text,
  jobtitle text,
  lifecyclestage text,
  -- Written by HubSpot's Salesforce integration: the matching Salesforce contact.
  salesforcecontactid text,
  createdate timestamptz,
  _fivetran_synced timestamptz
);

CREATE TABLE hubspot.deal (
  id bigint PRIMARY KEY,
  dealname text,
  stage text,
  amount numeric,
  pipeline text,
  closedate timestamptz,
  createdate timestamptz,
  _fivetran_synced timestamptz
);

CREATE TABLE hubspot.associations_contact_deal (
  contact_id bigint NOT NULL,
  deal_id bigint NOT NULL,
  PRIMARY KEY (contact_id, deal_id)
);

CREATE VIEW public.deals_and_contacts AS
  SELECT c.id AS contact_id, c.firstname, c.lastname, c.email,
         d.id AS deal_id, d.dealname, d.stage, d.amount
    FROM hubspot.contact c
    JOIN hubspot.associations_contact_deal a ON a.contact_id = c.id
    JOIN hubspot.deal d ON d.id = a.deal_id;
COMMENT ON VIEW public.deals_and_contacts IS 'HubSpot contacts with their deals';

-- Generation helpers, dropped at the end.

-- An 18-character Salesforce id: key prefix, 12 characters of base-62 record number, and the
-- 3-character suffix that encodes which of the first 15 characters are upper case.
CREATE FUNCTION pg_temp.sf_id(prefix text, n int) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  digits constant text := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  -- Distinct for distinct (prefix, n) and scattered, as real record numbers look.
  v bigint := (prefix::bigint * 100000 + n) * 48271 % 2147483647;
  id text := '';
  suffix text := '';
  bits int;
BEGIN
  FOR i IN 1..6 LOOP
    id := substr(digits, (v % 62)::int + 1, 1) || id;
    v := v / 62;
  END LOOP;
  id := prefix || '5g0000' || id;
  FOR chunk IN 0..2 LOOP
    bits := 0;
    FOR i IN 0..4 LOOP
      IF ascii(substr(id, chunk * 5 + i + 1, 1)) BETWEEN 65 AND 90 THEN
        bits := bits | (1 << i);
      END IF;
    END LOOP;
    suffix := suffix || substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ012345', bits + 1, 1);
  END LOOP;
  RETURN id || suffix;
END $$;

-- 200 companies: every (prefix, suffix) pair at most once; the industry follows the suffix.
CREATE TEMP TABLE demo_company ON COMMIT DROP AS
  SELECT n AS num,
         w.prefix[(n - 1) % 20 + 1] || ' ' || w.suffix[(n - 1 + (n - 1) / 20) % 20 + 1] AS name,
         lower(w.prefix[(n - 1) % 20 + 1] || w.suffix[(n - 1 + (n - 1) / 20) % 20 + 1]) || '.com'
           AS domain,
         w.industry[(n - 1 + (n - 1) / 20) % 20 + 1] AS industry,
         w.city[n * 7 % 12 + 1] AS city,
         w.country[n * 7 % 12 + 1] AS country
    FROM generate_series(1, 200) AS n,
         (SELECT
            ARRAY['Northwind', 'Bluepeak', 'Silverline', 'Redwood', 'Brightwater', 'Ironclad',
                  'Greenfield', 'Summit', 'Harbor', 'Pinecrest', 'Cobalt', 'Lumen', 'Granite',
                  'Everstone', 'Maple', 'Orbit', 'Keystone', 'Sterling', 'Crescent', 'Atlas']
              AS prefix,
            ARRAY['Logistics', 'Health', 'Analytics', 'Foods', 'Energy', 'Robotics', 'Capital',
                  'Software', 'Media', 'Labs', 'Systems', 'Networks', 'Biotech', 'Retail',
                  'Partners', 'Manufacturing', 'Security', 'Travel', 'Insurance', 'Studios']
              AS suffix,
            ARRAY['Transportation', 'Healthcare', 'Technology', 'Food & Beverage', 'Energy',
                  'Machinery', 'Finance', 'Technology', 'Media', 'Biotechnology', 'Technology',
                  'Telecommunications', 'Biotechnology', 'Retail', 'Consulting',
                  'Manufacturing', 'Technology', 'Hospitality', 'Insurance', 'Entertainment']
              AS industry,
            ARRAY['San Francisco', 'New York', 'Austin', 'Chicago', 'Seattle', 'Boston',
                  'London', 'Berlin', 'Paris', 'Amsterdam', 'Toronto', 'Sydney'] AS city,
            ARRAY['United States', 'United States', 'United States', 'United States',
                  'United States', 'United States', 'United Kingdom', 'Germany', 'France',
                  'Netherlands', 'Canada', 'Australia'] AS country) AS w;

-- 400 people: every (first, last) pair at most once; two per company. People 1-300 are the
-- application's users, 1-360 are Salesforce contacts, and HubSpot knows everyone but those
-- whose number ends in 7 (361-400 only as marketing leads).
CREATE TEMP TABLE demo_person ON COMMIT DROP AS
  SELECT n, p.first_name, p.last_name,
         lower(p.first_name || '.' || p.last_name) || '@' || c.domain AS email,
         c.num AS company, c.name AS company_name,
         w.title[(n + n / 200) % 10 + 1] AS title
    FROM generate_series(1, 400) AS n
    CROSS JOIN LATERAL (SELECT
      (ARRAY['Ada', 'Ben', 'Chloe', 'Daniel', 'Elena', 'Farid', 'Grace', 'Hiro', 'Isabel',
             'Jonas', 'Keisha', 'Liam', 'Maya', 'Noah', 'Olivia', 'Pablo', 'Quinn', 'Rosa',
             'Samuel', 'Tara', 'Umar', 'Vera', 'William', 'Ximena', 'Yusuf', 'Zoe', 'Amara',
             'Bruno', 'Camille', 'Dev', 'Emma', 'Felix', 'Greta', 'Hannah', 'Ivan', 'Julia',
             'Kofi', 'Lena', 'Mateo', 'Nadia'])[(n - 1) % 40 + 1] AS first_name,
      (ARRAY['Lovelace', 'Okafor', 'Martin', 'Kim', 'Rossi', 'Haddad', 'Hopper', 'Tanaka',
             'Garcia', 'Berg', 'Johnson', 'Murphy', 'Patel', 'Cohen', 'Brown', 'Silva',
             'Walsh', 'Moreno', 'Adeyemi', 'Singh', 'Khan', 'Novak', 'Turner', 'Lopez',
             'Demir', 'Schmidt', 'Nkemelu', 'Costa', 'Dubois', 'Sharma', 'Larsen', 'Weber',
             'Lindqvist', 'Fischer', 'Petrov', 'Meyer', 'Mensah', 'Vogel', 'Fernandez',
             'Rahman'])[(n - 1 + (n - 1) / 40) % 40 + 1] AS last_name) AS p
    JOIN demo_company c ON c.num = (n - 1) * 7 % 200 + 1,
         (SELECT ARRAY['CEO', 'CTO', 'VP of Sales', 'Head of Operations', 'Product Manager',
                       'Engineering Manager', 'Finance Director', 'Procurement Lead',
                       'Marketing Manager', 'Data Analyst'] AS title) AS w;

INSERT INTO public.users (id, first_name, last_name, email)
  SELECT n, first_name, last_name, email FROM demo_person WHERE n <= 300 ORDER BY n;

INSERT INTO salesforce.account
  SELECT pg_temp.sf_id('001', n), name,
         (ARRAY['Customer - Direct', 'Customer - Channel', 'Prospect',
                'Technology Partner'])[n % 4 + 1],
         industry, 'https://www.' || domain, city, country,
         (n * 7919 % 500 + 1) * 100000, n * 131 % 5000 + 10,
         timestamptz '2021-03-01 09:00:00+00' + n * interval '2 days 3 hours 17 minutes',
         false, timestamptz '2024-06-01 04:00:00+00' + n * interval '2 seconds'
    FROM demo_company AS c(n) ORDER BY n;

INSERT INTO salesforce.contact (id, account_id, first_name, last_name, email, title, phone,
                                lead_source, user_id, created_date, is_deleted,
                                _fivetran_synced)
  SELECT pg_temp.sf_id('003', n), pg_temp.sf_id('001', company), first_name, last_name, email,
         title, '+1 415 555 ' || lpad((n * 37 % 10000)::text, 4, '0'),
         (ARRAY['Web', 'Partner Referral', 'Trade Show', 'Phone Inquiry',
                'Purchased List'])[n % 5 + 1],
         CASE WHEN n <= 300 THEN n::text END,
         timestamptz '2022-01-10 10:00:00+00' + n * interval '1 day 5 hours 11 minutes',
         false, timestamptz '2024-06-01 04:10:00+00' + n * interval '2 seconds'
    FROM demo_person WHERE n <= 360 ORDER BY n;

INSERT INTO salesforce.opportunity
  SELECT pg_temp.sf_id('006', n), pg_temp.sf_id('001', c.num),
         c.name || ' - ' || w.product[(n * 5 + n / 200) % 8 + 1],
         w.stage[s.i], (n * 97 % 240 + 10) * 250.00, w.probability[s.i],
         date '2024-01-15' + n * 3, w.stage[s.i] LIKE 'Closed%', w.stage[s.i] = 'Closed Won',
         timestamptz '2023-02-01 08:30:00+00' + n * interval '1 day 2 hours',
         false, timestamptz '2024-06-01 04:20:00+00' + n * interval '2 seconds'
    FROM generate_series(1, 300) AS n
    JOIN demo_company c ON c.num = (n - 1) * 3 % 200 + 1
    CROSS JOIN LATERAL (SELECT (n * 3 + n / 200) % 10 + 1 AS i) AS s,
         (SELECT ARRAY['Annual subscription', 'Platform expansion', 'Pilot', 'Renewal',
                       'Onboarding package', 'Enterprise upgrade', 'Add-on seats',
                       'Support plan'] AS product,
                 ARRAY['Prospecting', 'Qualification', 'Needs Analysis', 'Value Proposition',
                       'Id. Decision Makers', 'Perception Analysis', 'Proposal/Price Quote',
                       'Negotiation/Review', 'Closed Won', 'Closed Lost'] AS stage,
                 ARRAY[10, 10, 20, 50, 60, 70, 75, 90, 100, 0] AS probability) AS w
    ORDER BY n;

INSERT INTO hubspot.contact
  SELECT n * 50 + 1, email, first_name, last_name, company_name, title,
         CASE WHEN n > 360 THEN 'lead'
              ELSE (ARRAY['customer', 'opportunity', 'salesqualifiedlead', 'customer',
                          'evangelist'])[n % 5 + 1] END,
         CASE WHEN n <= 360 THEN pg_temp.sf_id('003', n) END,
         timestamptz '2022-01-12 14:00:00+00' + n * interval '1 day 4 hours 23 minutes',
         timestamptz '2024-06-01 04:30:00+00' + n * interval '2 seconds'
    FROM demo_person WHERE n % 10 <> 7 ORDER BY n;

-- 300 deals, one or two per company, each associated with the company's HubSpot contacts.
INSERT INTO hubspot.deal
  SELECT 9000000000 + n * 1371, c.name || ' - ' || w.product[(n - 1 + n / 200 * 3) % 8 + 1],
         w.stage[n * 5 % 7 + 1], (n * 67 % 180 + 5) * 500, 'default',
         timestamptz '2024-02-01 17:00:00+00' + n * interval '2 days',
         timestamptz '2023-06-01 12:00:00+00' + n * interval '1 day 1 hour',
         timestamptz '2024-06-01 04:40:00+00' + n * interval '2 seconds'
    FROM generate_series(1, 300) AS n
    JOIN demo_company c ON c.num = (n - 1) % 200 + 1,
         (SELECT ARRAY['Annual subscription', 'Platform expansion', 'Pilot', 'Renewal',
                       'Onboarding package', 'Enterprise upgrade', 'Add-on seats',
                       'Support plan'] AS product,
                 ARRAY['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled',
                       'decisionmakerboughtin', 'contractsent', 'closedwon',
                       'closedlost'] AS stage) AS w
    ORDER BY n;

INSERT INTO hubspot.associations_contact_deal (contact_id, deal_id)
  SELECT p.n * 50 + 1, 9000000000 + d.n * 1371
    FROM generate_series(1, 300) AS d(n)
    JOIN demo_person p ON p.company = (d.n - 1) % 200 + 1 AND p.n % 10 <> 7
    ORDER BY d.n, p.n;

DROP TABLE demo_person;
DROP TABLE demo_company;
DROP FUNCTION pg_temp.sf_id(text, int);
)sql";
  return kSql;
}

}  // namespace graft::demo
