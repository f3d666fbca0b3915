import { z } from "zod";
const s = z.object({ a: z.string(), b: z.strictObject({ c: z.number() }) });
console.log(JSON.stringify(z.toJSONSchema(s, { target: "draft-2020-12" })));
console.log(JSON.stringify(z.toJSONSchema(s, { target: "draft-2020-12", io: "input" })));
