# Validates a replica dump (one EnrichedPaper JSON per line) against the schemas query-service serves, fetching
# referenced schemas by their $id (python3 -m pip install jsonschema). Usage: validate_replica.py http://localhost:8080 replica.ndjson
import json, sys, urllib.request
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

def retrieve(uri):  # fetch a referenced schema from where its $id says it is
    with urllib.request.urlopen(uri) as r:
        return Resource.from_contents(json.load(r))

api = sys.argv[1]
schema = retrieve(api + "/schemas/enriched-paper.v1.schema.json").contents
validator = Draft202012Validator(schema, registry=Registry(retrieve=retrieve))
bad = 0
for line in open(sys.argv[2]):
    errors = list(validator.iter_errors(json.loads(line)))
    bad += bool(errors)
    for e in errors[:3]:
        print(json.loads(line)["id"], e.message)
print("invalid papers:", bad)
