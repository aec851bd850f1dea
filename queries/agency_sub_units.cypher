// name: agency_sub_units
// description: The sub-units of an agency (分局, 支队, 中心 …) down to three levels, with their posts
// param: agency string  # canonical or written name of the parent agency
// example: agency=阳泉市公安局
MATCH (s:Agency)-[:PART_OF*1..3]->(a:Agency)
WHERE a.name = $agency OR $agency IN a.written
OPTIONAL MATCH (s)<-[:POST_OF]-(p:Post)
RETURN a.name AS agency, s.name AS sub_unit, collect(DISTINCT p.title) AS posts
ORDER BY sub_unit
