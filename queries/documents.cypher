// name: documents
// description: The documents loaded, with 文号, date, title and issuer, in date order
// param: limit integer = 500  # at most this many rows
// example:
MATCH (d:Document)
OPTIONAL MATCH (d)-[:ISSUED_BY]->(a:Agency)
RETURN d.number AS number, d.date AS date, d.title AS title, a.name AS issuer, d.id AS id
ORDER BY date, number
LIMIT $limit
