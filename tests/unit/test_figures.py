import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agents.extract.core import hit, total
from agents.extract.figures import _PHRASE, INJURED, KILLED, VICTIMS, _phrase_matches, dead_named, figures
from agents.extract.numbers import number_value
from agents.extract.readers import reader_for


@pytest.mark.parametrize("text, value", [
    ("4", 4), ("1,200", 1200), ("four", 4), ("Twenty-one", 21), ("a hundred and twelve", 112),
    ("two thousand", 2000), ("a dozen", 12), ("three dozen", 36), ("dozens", 24),
])
def test_number_values(text, value):
    assert number_value(text) == value


def _read(sentence):
    return [(f.kind, f.value, f.low, f.high, f.qualifier) for f in figures(sentence)]


def _kinds(sentence):
    return [(f.kind, f.value) for f in figures(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("Four killed and nine wounded as Kharkiv hit by air and rocket strikes",
     [(KILLED, 4, 4, 4, None), (INJURED, 9, 9, 9, None)]),
    ("At least four people have been killed and nine wounded in Kharkiv",
     [(KILLED, 4, 4, None, "at least"), (INJURED, 9, 9, 9, None)]),
    ("Some 21 people died and a further 112 were wounded in the last 24 hours",
     [(KILLED, 21, None, None, "about"), (INJURED, 112, 112, 112, "a further")]),
    ("More than 30 people were injured", [(INJURED, 30, 31, None, "more than")]),
    # a count told with its doubt: so many at most, none for sure; and the vague "tens"
    ("Up to 15 civilians may have died", [(KILLED, 15, None, 15, "up to")]),
    ("Five people may have been killed", [(KILLED, 5, None, 5, None)]),
    ("At least 30 people are feared dead", [(KILLED, 30, None, None, "at least")]),
    ("More than 2,000 people were buried by a landslide", [(KILLED, 2000, 2001, None, "more than")]),
    ("Tens of people were killed", [(KILLED, 20, 20, None, "at least")]),
    ("Dozens of soldiers and civilians were killed", [(KILLED, 24, 24, None, "at least")]),
    ("Police said the man could have killed dozens of people", []),  # what might have been
    ("Tens of thousands of people were wounded", [(INJURED, 20000, 20000, None, "at least")]),
    ("Dozens of people were wounded", [(INJURED, 24, 24, None, "at least")]),
    ("Between 5 and 7 people were killed", [(KILLED, 5, 5, 7, "range")]),
    ("10 to 15 civilians were injured", [(INJURED, 10, 10, 15, "range")]),
    ("The death toll rose to six on Tuesday", [(KILLED, 6, 6, 6, None)]),
    ("An earthquake killed at least 1,200 people and injured thousands more",
     [(KILLED, 1200, 1200, None, "at least"), (INJURED, 2000, 2000, None, "at least")]),
    ("The quake killed more than 50,000 people", [(KILLED, 50000, 50001, None, "more than")]),
    ("Twelve civilians lost their lives and 30 more were hurt",
     [(KILLED, 12, 12, 12, None), (INJURED, 30, 30, 30, None)]),
    ("The death toll has climbed to at least 40", [(KILLED, 40, 40, None, "at least")]),
    ("The death toll has risen to nearly 300", [(KILLED, 300, None, None, "nearly")]),
    ("Three were killed and 33 others were being treated in hospital", [(KILLED, 3, 3, 3, None), (INJURED, 33, 33, 33, None)]),
    ("The number of dead climbed to more than 41,000", [(KILLED, 41000, 41001, None, "more than")]),
    ("The toll from the strike has risen to 45, including six children", [(KILLED, 45, 45, 45, None)]),
    # the hurt taken to a hospital are some of the hurt
    ("Two were taken to St. Mary's Hospital and one was treated at the scene",
     [(INJURED, 2, 2, None, None)]),
])
def test_counts_and_qualifiers(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # subject and predicate
    ("A 29-year-old man was shot and killed, and three other people were injured.",
     [(KILLED, 1), (INJURED, 3)]),
    ("Two men and a woman were shot outside a bar.", [(VICTIMS, 3)]),
    ("Four people were shot, one fatally.", [(VICTIMS, 4), (KILLED, 1)]),
    ("Five people were shot, one of whom died, Friday at a shopping center.", [(VICTIMS, 5), (KILLED, 1)]),
    ("Three people were shot and one of them died.", [(VICTIMS, 3), (KILLED, 1)]),
    ("On Sunday, 5 died in the attack.", [(KILLED, 5)]),
    ("A Monday shooting that left one man dead and four seriously wounded.", [(KILLED, 1), (INJURED, 4)]),
    ("A 17-year-old girl showed up in a hospital emergency room on Saturday with a gunshot wound.",
     [(VICTIMS, 1)]),
    ("Three men walked into a gas station with gunshot wounds Saturday night.", [(VICTIMS, 3)]),
    ("Police were investigating the shooting, apparently accidental, of a 3-year-old girl.", [(VICTIMS, 1)]),
    ("Seven people were released from the hospital after the shooting.", [(INJURED, 7)]),
    ("He was charged after a 5-year-old shot another boy, police said.", [(VICTIMS, 1)]),
    ("Townsend was arrested, resulting in a 4-year-old being shot 10/16/16 (LVMPD)", [(VICTIMS, 1)]),
    ("A man and his 11-year-old son were found dead in a parked car.", [(KILLED, 2)]),
    ("A woman and her two children were wounded.", [(INJURED, 3)]),
    ("Police said he shot two men dead.", [(KILLED, 2)]),
    ("A 13-year-old girl was hit by a gunshot through her bedroom window.", [(VICTIMS, 1)]),
    ("Police ID man who shot self after slipping on ice", [(VICTIMS, 1)]),
    ("Carter County man shoots own leg while handling revolver", [(VICTIMS, 1)]),
    ("A man shot and killed his ex-girlfriend's two teenage daughters.", [(KILLED, 2)]),
    ("Police say 20-year-old Skylar Walker fatally stabbed 19-year-old Payton Lockwood.", [(KILLED, 1)]),
    ("4 shot, 1 dead in Central Business District", [(VICTIMS, 4), (KILLED, 1)]),
    ("A 12-year-old was in critical condition Tuesday.", [(INJURED, 1)]),
    ("A 20-year-old woman suffered a fatal gunshot wound.", [(KILLED, 1)]),
    ("A 14-year-old boy was found dead Sunday.", [(KILLED, 1)]),
    ("A man was shot Sunday and later died at a hospital.", [(KILLED, 1)]),
    ("Terrell Skinner, 26, was pronounced dead at the scene.", [(KILLED, 1)]),
    ("Investigators said Marcus Doe, 29 of Fairview, was killed outside the club.", [(KILLED, 1)]),
    ("Ann Reed, 61, Lisa Reed, 33 and pregnant, and Tavon Reed, six years old, were fatally shot.",
     [(KILLED, 3)]),
    ("Dana Cole, 7 years old, and Eli Cole, 40, were wounded.", [(INJURED, 2)]),
    ("A second attack wounded two men, 19 and 20, who were shot on Elm Street.", [(INJURED, 2)]),
    ("Three were killed and 11 others injured, 4 critically.", [(KILLED, 3), (INJURED, 11)]),
    ("Photo: Staff Image 3 of 9 Police tape surrounds the house where two men were shot.", [(VICTIMS, 2)]),
    ("Gunfire hit three teens, 14, 15 and 17, outside the school.", [(VICTIMS, 3)]),
    ("Ann Doe, 45, and Mary Roe, 27, were shot.", [(VICTIMS, 2)]),
    ("Man shot while cleaning handgun", [(VICTIMS, 1)]),
    ("Teen Dies Of Self-Inflicted Gunshot Wound", [(KILLED, 1)]),
    ("One person was killed and two others badly hurt Wednesday.", [(KILLED, 1), (INJURED, 2)]),
    ("A second victim was shot in the cheek and a third was shot in the stomach.",
     [(VICTIMS, 2), (VICTIMS, 3)]),
    ("He died at the hospital.", [(KILLED, 1)]),
    ("17-year-old shot, killed inside house", [(KILLED, 1)]),
    ("He showed the holes from police bullets that nearly killed his father-in-law.", [(INJURED, 1)]),
    ("Reginald Williams, 35, of Montgomery, was the victim.", [(VICTIMS, 1)]),
    ("3-year-old boy in Campbell County accidentally shot himself", [(VICTIMS, 1)]),
    ("HPD: 16-year-old shot while playing with guns", [(VICTIMS, 1)]),
    ("Police: Man shoots 4 relatives, killing 2, then himself", [(VICTIMS, 4), (KILLED, 2), (KILLED, 1)]),
    ("He shot his wife before turning the gun on himself.", [(VICTIMS, 1), (KILLED, 1)]),
    ("2 shot and wounded, 3 others grazed by gunfire at party", [(INJURED, 2), (INJURED, 3)]),
    ("Oklahoma City police say a 3 year old girl was shot.", [(VICTIMS, 1)]),
    ("5 year old boy grazes self with bullet", [(VICTIMS, 1)]),
    ("The bullet hit 13-year-old Letara Jones and grazed a 12-week-old baby.", [(VICTIMS, 1), (VICTIMS, 1)]),
    ("Student takes own life in parking lot", [(KILLED, 1)]),
    ("Bystander accidentally shot during fight in Oklahoma City", [(VICTIMS, 1)]),
    ("13-year-old accidentally shoots hand while pheasant hunting", [(VICTIMS, 1)]),
    ("A 13-year-old suffered a self-inflicted gunshot wound to the hand.", [(INJURED, 1)]),
    ("The gun went off, hitting a female bystander.", [(VICTIMS, 1)]),
    ("A 12-year-old Tullahoma boy, Jakob Weeks, who was accidentally shot, is recovering.", [(VICTIMS, 1)]),
    ("A quadruple shooting claimed the life of a 19-year-old man.", [(VICTIMS, 4), (KILLED, 1)]),
    ("A drive-by shooting kills teen girl, injures 4 near 57th and Sangamon", [(KILLED, 1), (INJURED, 4)]),
    ("Mother charged in fatal shooting of 17-year-old son", [(KILLED, 1)]),
    ("Teens ID'd in double fatal shooting", [(KILLED, 2)]),
    ("Police are investigating a double shooting on Main Street.", [(VICTIMS, 2)]),
    ("Police investigate triple homicide", [(KILLED, 3)]),
    ("Man, baby found dead inside home", [(KILLED, 2)]),
    ("Police: Youth wounded in accidental shooting", [(INJURED, 1)]),
    ("Mother charged after three-year-old shoots himself", [(VICTIMS, 1)]),
    ("Police: Child accidentally shoots, kills self in Gwinnett County", [(KILLED, 1)]),
    ("Police: Ohioan shot himself and son, 10, while cleaning gun", [(VICTIMS, 2)]),
    ("The rampage left four troops including the gunman dead and 16 others injured.", [(KILLED, 4), (INJURED, 16)]),
    ("Four troops were killed in shelling overnight.", [(KILLED, 4)]),
    ("He opened fire in a bar, killing his intended victim and wounding two others.", [(KILLED, 1), (INJURED, 2)]),
    ("Three people are dead and another hospitalized after an overnight killing spree.", [(KILLED, 3), (INJURED, 1)]),
    ("Father kills two children, then fatally shoots self", [(KILLED, 2), (KILLED, 1)]),
    ("Teen charged after shooting death of Jessamine teen", [(KILLED, 1)]),
    ("He is accused in the August slaying of 20-year-old Adline King.", [(KILLED, 1)]),
    ("Family of 4-year-old hit by stray bullet asks for prayers", [(VICTIMS, 1)]),
    ("Coroner identifies teen killed in Summerville shooting", [(KILLED, 1)]),
    ("Police seek help identifying suspect who shot child", [(VICTIMS, 1)]),
    ("Police say a 16-year-old shot a friend as they played with a stolen gun.", [(VICTIMS, 1)]),
    ("A man killed his wife and then himself.", [(KILLED, 1), (KILLED, 1)]),
    ("A man was shot two times in the leg.", [(VICTIMS, 1)]),
    ("A man was found shot to death.", [(KILLED, 1)]),
    ("Teen charged with killing uncle in Shreveport", [(KILLED, 1)]),
    ("Deputies are investigating an accidental shooting death that occurred Thursday.", [(KILLED, 1)]),
    ("A south Arkansas man’s shooting death has been ruled accidental.", [(KILLED, 1)]),
    ("A 16-year-old was flown to the hospital after he was accidentally shot.", [(INJURED, 1)]),
    ("3-year-old boy suffers gunshot wound to arm", [(VICTIMS, 1)]),  # hit; an incident with no dead counts him hurt
    ("Teen survives accidental rifle shot to mouth", [(INJURED, 1)]),
    ("Gun owner not liable in Rock Falls teen's death", [(KILLED, 1)]),
    ("Seventeen people were killed and fourteen were wounded.", [(KILLED, 17), (INJURED, 14)]),
    ("His dead body with a gunshot wound was found the next day.", [(KILLED, 1)]),
    ("Two bodies were pulled from the rubble.", [(KILLED, 2)]),
    ("A man was fatally shot Sunday.", [(KILLED, 1)]),
    ("An off-duty police officer accidentally shot himself in the hand.", [(VICTIMS, 1)]),
    ("An 18-year-old student has been treated and released.", [(INJURED, 1)]),
    ("A juvenile boy with a gunshot wound was rushed to hospital.", [(VICTIMS, 1)]),
    ("Massillon boy accidentally shot by older brother", [(VICTIMS, 1)]),
    ("Man accidentally shoots 16-year-old Catawba County girl", [(VICTIMS, 1)]),
    ("He shot and paralyzed a boy, 15, who tried to rob him.", [(INJURED, 1)]),
    ("He then shot and injured a man who lived at the home.", [(INJURED, 1)]),
    ("A 12-year-old was hurt after he and three others were shot.", [(INJURED, 1), (VICTIMS, 4)]),
    ("Damon Sochko, 16, of Morgantown, died Wednesday.", [(KILLED, 1)]),
    ("16-year-old Kristian Piazza was pronounced dead.", [(KILLED, 1)]),
    # an act and its object
    ("A missile strike killed four people and wounded eight overnight", [(KILLED, 4), (INJURED, 8)]),
    ("Missile strike on Odesa port kills two, injures eight", [(KILLED, 2), (INJURED, 8)]),
    ("Pagett opened fire, killing his intended target and wounding five others.",
     [(INJURED, 5)]),
    ("The blast left six people injured.", [(INJURED, 6)]),
    ("Two teens were charged in the shooting death of a 15-year-old boy.", [(KILLED, 1)]),
    # ages spelled out, and headlines in title case
    ("A nine-year-old boy was shot Tuesday.", [(VICTIMS, 1)]),
    ("A two-year-old girl was killed.", [(KILLED, 1)]),
    ("Nine-Year-Old Struck By Gunshots In Dallas", [(VICTIMS, 1)]),
    ("A shooting claimed the life of 20–year–old, José Sanchez.", [(KILLED, 1)]),  # en dashes
    # "gunned down" is how American copy says shot dead
    ("Two men were gunned down Sunday.", [(KILLED, 2)]),
    ("Gunmen gunned down three people outside a bar.", [(KILLED, 3)]),
    # wire copy beyond shootings
    ("A gunman opened fire at a school, killing a teacher and two students.", [(KILLED, 3)]),
    ("The fire killed a family of five.", [(KILLED, 5)]),
    ("Six migrants drowned off the coast.", [(KILLED, 6)]),
    ("Rescuers pulled 15 bodies from the rubble.", [(KILLED, 15)]),
    # what a story's wording says befell someone it does not count
    ("Police investigate a fatal shooting on the east side.", [(KILLED, 1)]),
    ("A fatal shooting left two men dead.", [(KILLED, 1), (KILLED, 2)]),
    ("Detroit man sought in teen nephew’s shooting", [(VICTIMS, 1)]),
    ("Toddler becomes fourth to die in Bucksport shooting", [(KILLED, 4)]),
    # a headline's list of who befell what
    ("Officer wounded, suspect killed in shootout", [(INJURED, 1), (KILLED, 1)]),
    ("Double shooting leaves man dead", [(VICTIMS, 2), (KILLED, 1)]),
    ("Family of slain 7-year-old boy talk about shooting", [(KILLED, 1)]),
    ("Teen sustained ‘self-inflicted’ wound: Police", [(VICTIMS, 1)]),
    ("A Warren detective remained in serious but stable condition Monday.", [(INJURED, 1)]),
    ("Police are investigating the Monday morning wounding of a teenager.", [(INJURED, 1)]),
    ("13-year-old girl recovers after being hit by gunshot", [(INJURED, 1)]),
    ("Man, woman killed in Miami shooting ID’d; boy recovering at JMH", [(KILLED, 2), (INJURED, 1)]),
    # a gunshot wound says who was hit, not that they lived
    ("Police said a man, 61, suffered a single gunshot wound to his chest.", [(VICTIMS, 1)]),
    ("A woman suffered minor injuries.", [(INJURED, 1)]),
    ("On Wednesday night, Aundrea Marie Garland was slain and three others were wounded.",
     [(KILLED, 1), (INJURED, 3)]),  # a full name without an age is a person too
    ("Three people were trampled to death.", [(KILLED, 3)]),
    ("Officials reported 3 civilian deaths in Kharkiv.", [(KILLED, 3)]),
    ("Four people were taken to hospital with minor injuries.", [(INJURED, 4)]),  # British usage
    ("One person is dead and another person is in the hospital.", [(KILLED, 1), (INJURED, 1)]),
    ("He went to an apartment and shot Donavon Worker, 24.", [(VICTIMS, 1)]),  # an age, not 24 shot
    ("Shots hit Jim Ray, 19, and Al Bo, 22.", [(VICTIMS, 2)]),
    # "another" with a clause of its own
    ("Four people are dead and another is fighting for her life.", [(KILLED, 4), (INJURED, 1)]),
    ("One person was killed, another critically wounded.", [(KILLED, 1), (INJURED, 1)]),
    ("Boy shoots and kills 12-year-old, another wounded", [(KILLED, 1), (INJURED, 1)]),
    # the hurt who died since
    ("A man injured in a November 2 shooting at 22nd and Bragg has died.", [(KILLED, 1)]),
    ("One of four women wounded in a late night shooting has died.", [(KILLED, 1), (VICTIMS, 4)]),
    ("All five of the wounded were rushed to hospitals, where three of the men died.",
     [(VICTIMS, 5), (KILLED, 3)]),
    ("Four people were shot and one died.", [(VICTIMS, 4), (KILLED, 1)]),
    ("A 16-year-old boy who was critically wounded in a shooting on Friday died on Saturday.", [(KILLED, 1)]),
    ("Child Shot In Head In Trinidad Taken Off Life Support", [(KILLED, 1)]),
    ("Boy, girl walk into Wichita hospital with gunshot wounds", [(VICTIMS, 2)]),
    ("Two men arrived at the hospital suffering from gunshot wounds.", [(VICTIMS, 2)]),
    ("Officers found a 56-year-old who had been shot in the leg and a child who had died at the scene.",
     [(VICTIMS, 1), (KILLED, 1)]),  # the death is the child's, not the wounded man's
    # a name after a comma names the one just counted
    ("Police say he shot and killed his friend, 63-year-old Daniel Caron, in the driveway.", [(KILLED, 1)]),
    ("A teen, Jose Perez, 17, and a woman, Ana Diaz, 40, were wounded.", [(INJURED, 2)]),
    ("Lavell Lee Smith, a 33-year-old black man, was shot and killed Sunday.", [(KILLED, 1)]),
    ("The coroner confirmed 23-year-old Davienne Lewis from Springfield died after he was shot.", [(KILLED, 1)]),
    ("A 3-year-old boy in Campbell County was shot.", [(VICTIMS, 1)]),  # a county is nobody
    ("His friend, 63-year-old Daniel Caron, was killed.", [(KILLED, 1)]),
    # people named by what they were doing or owned
    ("A 17-year-old motel occupant was injured after a gun went off.", [(INJURED, 1)]),
    ("Mount Vernon nightclub shooting leaves owner dead, five wounded", [(KILLED, 1), (INJURED, 5)]),
    ("A retired deputy shot and wounded a burglar at his home.", [(INJURED, 1)]),
    # a headline's label of a few words, and children by their ages
    ("Colorado High School Shooting 2016: Student Takes Own Life In Parking Lot", [(KILLED, 1)]),
    ("Sources To CBS2: Girl, 4, Dies Days After Accidentally Shooting Herself", [(KILLED, 1)]),
    ("Boys, 4 and 6, Shot In Lawndale, Police Say", [(VICTIMS, 2)]),
    ("Alleged drug dealer shoots self in hand", [(VICTIMS, 1)]),
    ("Killeen toddler dies from gunshot wound following argument", [(KILLED, 1)]),
    ("No man was hurt", []),
    ("It is very fortunate that no one was killed.", [(KILLED, 0)]),
    # a report of no harm is a zero of the harm it names; none of another that is counted
    ("There were no immediate reports of casualties or damage.", [(KILLED, 0), (INJURED, 0)]),
    ("No injuries were reported.", [(INJURED, 0)]),
    ("Two workers were killed; there were no reports of injuries.", [(KILLED, 2), (INJURED, 0)]),
    ("Three people were hurt, but no deaths were reported.", [(INJURED, 3), (KILLED, 0)]),
    ("No other injuries were reported.", []),
    ("A rocket hit an empty house, causing damage but no injuries.", [(INJURED, 0)]),
    ("There were no fatalities on the ground.", []),
    ("No serious injuries were reported.", []),
    ("An accident with a firearm claimed the life of 4-year-old Summer Miller of St. Marie.", [(KILLED, 1)]),
    ("Nobody should take the life of another person.", []),
    # a headline's bare objects, listed
    ("Raw: Woman accused of killing daughter, father", [(KILLED, 2)]),
    ("The sheriff said Denton shot and killed his mother, stepfather, and grandmother.", [(KILLED, 3)]),
    ("Homeowner killed man, woman and her baby granddaughter, police say", [(KILLED, 3)]),
    ("Teen shot friend, police say", [(VICTIMS, 1)]),
    # a description between commas before the verb tells of the one just counted
    ("Police say one of the victims, a 20-year-old, died at the hospital.", [(KILLED, 1)]),
    ("A man, a woman, and a boy were shot.", [(VICTIMS, 3)]),
    # explicit zero
    ("No one was hurt in the fire.", [(INJURED, 0)]),
    ("No one was killed or injured in the attack.", [(KILLED, 0), (INJURED, 0)]),
    ("Hundreds of Palestinians were killed or wounded in the blast.", [(VICTIMS, 200)]),
    ("Six workers were presumed dead after the bridge collapsed.", [(KILLED, 6)]),
    ("Two Britons were among the dead.", [(KILLED, 2)]),
    # taken to a hospital told by its name, or by the car that took them
    ("Three other victims were taken to Riverside Regional Medical Center, police said.", [(INJURED, 3)]),
    ("One victim was driven by private vehicle to Mercy Hospital.", [(INJURED, 1)]),
    # the people found at the scene and taken to a hospital, their condition untold, are the
    # hit: one may die there
    ("They located four adult gunshot victims who were transported to a local hospital.", [(VICTIMS, 4)]),
    ("Officers found two men who were taken to Mercy Hospital in stable condition.", [(INJURED, 2)]),
    ("Two people were found at the scene dead.", [(KILLED, 2)]),
    # ... where they died: the people taken there, dead, and no one more
    ("One man was rushed to an area hospital, where he was later pronounced dead.", [(KILLED, 1)]),
    ("Two men were taken to Northside Hospital, where they died.", [(KILLED, 2)]),
    ("Two died at the scene and one was taken to a hospital, where she died.", [(KILLED, 2), (KILLED, 1)]),
    ("A man accidentally fired his handgun, shooting himself in the left leg.", [(VICTIMS, 1)]),
    # the age two people share is no count, and leaves them one subject
    ("Deputies found a woman and a man, both 19, and another man dead in the car.", [(KILLED, 3)]),
    ("Marcus Hale and Devin Ortiz, both 17, were killed outside the rink.", [(KILLED, 2)]),
    ("Two brothers, both aged 20, were wounded on Pine Street.", [(INJURED, 2)]),
    # hurt, told in a relative clause, then dead in the sentence's own verb past a clause's break:
    # one person dead, not one hurt and one dead
    ("A 4-year-old boy who was critically wounded after finding a gun in a closet has died.", [(KILLED, 1)]),
    ("A man who was in critical condition after gunfire erupted outside a bar has now died, raising "
     "the death toll to two.", [(KILLED, 1), (KILLED, 2)]),
    # a headline's present, or an object at its end: who did it is no victim
    ("Man fatally shoots wife after mistaking her for intruder", [(KILLED, 1)]),
    ("Police say 12-year-old accidentally killed 13-year-old", [(KILLED, 1)]),
    # a headline's list without its comma: the count after the verb has a fate of its own
    ("1 killed 3 injured in Elm Street shooting", [(KILLED, 1), (INJURED, 3)]),
    # someone told by name dies: the one the story told of
    ("Reece died of his wounds on Tuesday.", [(KILLED, 1)]),
    ("Tavon Reece died Tuesday at Mercy Hospital.", [(KILLED, 1)]),
    ("Okafor was pronounced dead at 2:10 a.m., the coroner said.", [(KILLED, 1)]),
    ("Many died in the crush.", []),  # no one's name
    # a fatal wound told in the present of a headline is a death
    ("Toddler suffers fatal gunshot wound at Maple Court home", [(KILLED, 1)]),
    # family told by the tie: "adopted" and "estranged" describe the person, as "retired" does
    ("A man and his adopted daughter were found dead in the house.", [(KILLED, 2)]),
    ("Police said a woman and her estranged husband were wounded.", [(INJURED, 2)]),
    # a description placed by where the person studies or works is the named person again
    ("One of the victims, 19-year-old Tavon Reece, a student at Lakeview College, was pronounced dead.",
     [(KILLED, 1)]),
    ("One of the victims has since died, police said.", [(KILLED, 1)]),
    # an act's object after a possessive, and kin by marriage or a generation apart
    ("The fire killed her two grandchildren.", [(KILLED, 2)]),
    ("A woman shot and killed her two daughters before killing herself.", [(KILLED, 2), (KILLED, 1)]),
    # a possessive among a person's modifiers: "a sheriff's deputy", "two city police officers
    # and a sheriff's deputy died"
    ("A Jefferson County sheriff's deputy was killed and a second deputy was wounded Tuesday.",
     [(KILLED, 1), (INJURED, 1)]),
    # partners are people; "shot multiple times and killed" is a death, "shot and one killed" not
    ("Police arrested a man after his girlfriend was found dead with a gunshot wound to the head.",
     [(KILLED, 1)]),
    ("A 34-year-old man was shot multiple times and killed early Sunday.", [(KILLED, 1)]),
    ("10 people were shot and one man was killed.", [(VICTIMS, 10), (KILLED, 1)]),
    # a count whose verb is left out after "and", where it happened after it
    ("Two people were killed in Kharkiv and three in Sumy.", [(KILLED, 2), (KILLED, 3)]),
    ("Two were killed and three in the car escaped.", [(KILLED, 2)]),
    # a count after a name and a comma is listed beside it, not an age
    ("Man kills wife, 2 children", [(KILLED, 3)]),
    # an act's hurt of whom some died since are the hit, the dead among them
    ("A bomb at a mosque wounded 12 worshippers, two of whom later died in hospital.",
     [(VICTIMS, 12), (KILLED, 2)]),
    ("A man attacked people at a market, injuring six, one of them a police officer who later died, police said.",
     [(VICTIMS, 6), (KILLED, 1)]),
])
def test_victims_and_what_happened_to_them(sentence, expected):
    assert _kinds(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "He said he heard two more shots.",
    "Kaiyana Rockingham told 24-Hour News 8 she saw him at home.",
    "Every fourth person in Kharkiv has relatives in the Russian Federation.",
    "A 40-mile convoy is snaking its way towards Kyiv with around 15,000 soldiers estimated to be in tow.",
    'The song being filmed is called "2 techs and a 50 shot."',
    "Read more: Chechen assassins who plotted to kill President Zelenskyy 'eliminated'",
    "The shooting happened at about 6 p.m. in the 1900 block of 46th Street.",
    "The city paid $5 million to families of those killed.",
    "Two adults inside the home were not hurt.",
    "The victim was taken to a hospital in critical condition.",  # already counted elsewhere
    "Logan Hinrichs, 14, was remembered by classmates.",
    "Robert Anderson, 49, was charged with one count of murder and three counts of assault.",
    "Anyone with information is asked to call 252-972-1411.",
    "Father of 5 remembered by his church.",
    "2 questioned after toddler hurt in NC home",
    "They arrived to find the father and two children wounded.",
    "3 adults and 2 juveniles ages 14 and 15 were questioned.",
    "Shortly after the tournament on June 21, police arrived.",
    "Any time one of our students is hurt, it has a huge impact on the school.",
    "Hit 5 – 5-6-7-20-30",
    "There were 12 shooting deaths in the county last year.",
    "He faces the state's death penalty.",
    "911 calls from the Cameo nightclub shootings were released.",
    "The car was found in the dead end of Elm Street.",
    "Officials said 56 of the injured were in serious condition.",  # some of those counted
    # animals are no casualties
    "One of the police dogs was wounded in the standoff.",
    "Three horses were shot in the pasture overnight.",
])
def test_not_new_casualty_figures(sentence):
    assert _kinds(sentence) == []


def test_a_count_of_other_people_adds_to_the_one_told_before():
    found = figures("A 9-year-old girl remained in critical condition after a shooting that also wounded "
                    "two other people on Elm Street.")
    assert total(found, INJURED).value == 3
    assert total(figures("A man was wounded and two other men were grazed."), INJURED).value == 3
    assert total(figures("Two men were wounded, two of them critically."), INJURED).value == 2


def test_people_left_in_a_condition_are_hurt():
    assert _kinds("A woman was killed and two men were left in critical condition.") == [(KILLED, 1), (INJURED, 2)]
    assert _kinds("Three people were left injured after the gunfire.") == [(INJURED, 3)]
    assert _kinds("Two men left the scene in a car.") == []


def test_an_animal_hit_beside_a_person_is_no_casualty():
    assert _kinds("The rifle went off, killing the boy and wounding one of the family dogs.") == [(KILLED, 1)]


def test_including_a_child_is_part_of_the_figure_not_added_to_it():
    assert _kinds("Six people were injured, including a child.") == [(INJURED, 6)]
    # between the count and its verb, set off by commas, however it is written
    assert _kinds("Forty-five people, including 12 children, were killed in the fire.") == [(KILLED, 45)]
    assert _kinds("Six people, including three Palestinian children, died in the strike.") == [(KILLED, 6)]


def test_an_acts_objects_end_where_one_has_a_passive_verb_of_its_own():
    assert _kinds("A missile hit a building, killing at least 40 people, and 75 people were wounded.") == [
        (KILLED, 40), (INJURED, 75)]
    assert _kinds("The attack killed three soldiers and two civilians were wounded.") == [(KILLED, 3), (INJURED, 2)]
    assert _kinds("Gunmen killed two men and a woman at the bar.") == [(KILLED, 3)]
    # a verb of its own that tells no casualty: the missing and the suspect are none of them
    assert _kinds("Floods have killed at least 29 people, and 60 are missing.") == [(KILLED, 29)]
    assert _kinds("A man opened fire, wounding two others, and a 64-year-old suspect is being sought.") == [
        (INJURED, 2)]


def test_some_of_them_after_a_comma_are_among_the_count():
    assert _kinds("The strike killed three people, two of whom were children.") == [(KILLED, 3)]
    assert _kinds("Gunmen killed 10 people, six of them women, in the raid.") == [(KILLED, 10)]
    assert _kinds("Thirty-one people, most of them children, were killed.") == [(KILLED, 31)]


def test_the_people_on_board_are_counted_by_the_verb_after():
    assert _kinds("All 72 people on board a Yeti Airlines plane were killed.") == [(KILLED, 72)]
    assert _kinds("Five passengers aboard the bus were injured.") == [(INJURED, 5)]


@pytest.mark.parametrize("sentence, adds", [
    ("Mayor Ihor Terekhov later confirmed a further four were killed and nine injured.", True),
    ("Two more people died in hospital on Tuesday, officials said.", True),
    ("Another man was shot on Main Street shortly after midnight.", True),
    ("Some 21 people died and a further 112 were wounded in the last 24 hours.", False),
    ("Four people were killed and another three wounded.", False),
    ("KHARKIV, March 2 (Example Wire) - A further four people were killed on Wednesday.", True),
    ("An additional victim was found dead in the house.", True),
    ("Ще четверо людей загинули внаслідок обстрілу.", True),
    ("Троє загинули, ще п'ятеро поранені.", False),
])
def test_news_on_top_of_earlier_news_is_told_apart(sentence, adds):
    reader = _reader_of(sentence)
    assert reader.adds(sentence, reader.figures(sentence)) is adds


@pytest.mark.parametrize("sentence, another", [
    ("A third shooting also happened at 4:34 p.m. in the 600 block of Mellon Street.", True),
    ("In a separate attack, at least four people were shot on South Christiana Avenue.", True),
    ("In an unrelated shooting Monday evening, a 16-year-old boy was shot.", True),
    ("Another man was shot on Main Street shortly after midnight.", False),
    ("Police said the shooting was the second at the bar this year.", False),
    ("Four people were killed and another three wounded.", False),
    ("Police found Lindsay, 26, and Duncan, 23, dead alongside a third shooting victim.", False),
    ("Police identified the suspect in the shooting of four men as an ex-con on parole for another shooting.", False),
    ("Ще один удар по місту забрав життя двох людей.", True),
    ("Внаслідок обстрілу загинули двоє людей.", False),
])
def test_a_sentence_about_another_incident_than_the_storys_is_told_apart(sentence, another):
    assert _reader_of(sentence).another_incident(sentence) is another


@pytest.mark.parametrize("sentence, updates", [
    ("The death toll from a Russian missile strike on an apartment block in Dnipro rose to 30 on Sunday.", True),
    ("Odisha train crash: Death toll rises to 288", True),
    ("The number of injured has climbed to 75, officials said.", True),
    ("A woman died in hospital on Monday, bringing the death toll to four.", True),
    ("A missile killed 12 people in Dnipro on Saturday.", False),
    ("The death toll stood at 30 on Sunday.", False),
    ("The number of shootings in the city rose to 300 this year.", False),
    ("Кількість загиблих унаслідок удару по Дніпру зросла до 30.", True),
    ("Число погибших возросло до 30 человек.", True),
    ("Внаслідок обстрілу загинули двоє людей.", False),
])
def test_a_later_count_of_a_toll_told_before_is_told_apart(sentence, updates):
    assert _reader_of(sentence).updates(sentence) is updates


def test_a_toll_whose_subject_names_the_whole_attack_is_still_a_toll():
    sentence = ("The death toll from a Russian missile strike on an apartment block in Dnipro rose to 30 "
                "on Sunday, with 75 people injured, Ukrainian officials said.")
    assert _kinds(sentence) == [(KILLED, 30), (INJURED, 75)]


def _reader_of(sentence):
    """The Ukrainian reader for a sentence in Cyrillic, else the English one."""
    return reader_for("uk" if any("а" <= c <= "я" for c in sentence.lower()) else "en")


@pytest.mark.parametrize("sentence, expected", [
    ("WJTV News Channel 12 - Five Injured in Nightclub Shooting", [(INJURED, 5)]),
    ("The shooting injured four people, one seriously, near the stadium.", [(INJURED, 4)]),
    ("Between 10 and 15 people were killed.", [(KILLED, 10)]),
])
def test_numbers_beside_a_count_are_not_added_to_it(sentence, expected):
    assert [(f.kind, f.value) for f in figures(sentence)] == expected


PHRASE_PIECES = st.sampled_from([
    "Four people were killed", " and", " a man", " was shot", ", 26,", " Terrell Skinner, 26,",
    " McDonald, 19,", " deShawn Smith, 19,", " the victim's death", " a 12-year-old", "HPD: ",
    "#DEVELOPING: ", " two men and a woman", " killing 2", " no one", " İstanbul", " ſ", " K",
    "-", "'", "’s", " 10 to 15 people", " a double homicide", " he", "Mother, son shot", "\n",
    " murdered man", " shot two women", " second victim", " dozens of people", " between 3 and 4 people",
    " in a fatal shooting", " gunman’s shooting", " leaving two dead", " tHe victim", " said", " police",
    " one", " kılling a man", " shot teen",
])


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(PHRASE_PIECES, max_size=30).map("".join), st.text(max_size=300)))
def test_victim_phrases_are_found_wherever_they_begin(sentence):
    """Trying the victim pattern only where a phrase can begin finds exactly what searching it
    from every position finds."""
    pattern = _PHRASE.for_text(sentence)
    searched, position = [], 0
    while (match := pattern.search(sentence, position)) is not None:
        searched.append(match.span())
        position = max(match.end(), match.start() + 1)
    assert [match.span() for match in _phrase_matches(sentence)] == searched


def test_the_last_age_of_a_list_of_named_people_is_no_count():
    sentence = ("Nicholas Lee Powers, 30; Demario Laquan Burnett, 21; and Jerry Trivon Coleman, 31 "
                "all died of gunshot wounds, the coroner said.")
    assert (KILLED, 31) not in _kinds(sentence)


def test_an_age_told_by_comparison_is_no_count():
    assert (VICTIMS, 12) not in _kinds("Around 7 p.m., a boy younger than 12 was shot in the complex.")
    assert _kinds("More than 12 people were shot.") == [(VICTIMS, 12)]


def test_what_a_shooting_would_be_is_no_count():
    assert _kinds("One may not pull through, meaning the shooting would be a double murder.") == []
    assert _kinds("\"There should've been four or five people dead,\" the chief said.") == []
    assert _kinds("Police are investigating a double murder.") == [(KILLED, 2)]


@pytest.mark.parametrize("sentence, killed", [
    ("A man shot and killed his wife and then killed himself.", 2),
    ("Sulphur man kills 4-year-old, then himself", 2),
    ("A teen in Arkansas accidentally shot and killed himself this week.", 1),
    ("Investigators believe the gunman killed himself at the end of the spree.", 1),
    ("Four people were killed, then the gunman turned the gun on himself.", 5),
    ("The man murdered his wife.", 1),
    ("Avoyelles Parish man kills 7-year-old daughter, himself", 2),
    ("Henry cops: Ex-firefighter killed 6-year-old boy, wife, himself", 3),
    ("A man shot his 7-year-old daughter to death and then killed himself.", 2),
    ("La. gunman kills wife, ex-mother-in-law, self in spree that left 4 dead", 4),
    ("5 DEAD, INCLUDING GUNMAN, IN BELFAIR SHOOTING Gunman kills 4 people, self", 5),
    ("The suspect, himself a former officer, killed two men.", 2),
    ("A gunman opened fire, killing three people and critically wounding five others before fatally "
     "shooting himself off campus, police said.", 4),
    ("The man fatally shot his wife and then fatally shot himself.", 2),
    ("A 2-year-old boy found his mother's gun in her purse and fatally shot himself.", 1),
    ("The 8-year-old Port Orange boy who fatally shot himself did so with a stolen gun, police said.", 1),
])
def test_a_killer_who_kills_himself_is_one_more_death_and_a_suicide_one_in_all(sentence, killed):
    assert total(figures(sentence), KILLED).value == killed


def test_a_headline_glued_to_its_lede_tells_its_person_once():
    assert total(figures("Boy fatally shot in Hampton A boy was fatally shot in Hampton Thursday night."),
                 KILLED).value == 1
    assert hit(figures("A man was shot in the leg and a man was shot in the arm.")).value == 2


def test_a_third_told_after_two_hit_is_one_more():
    assert hit(figures("Two men were shot, and a third man was shot later.")).value == 3


def test_a_shooter_who_then_kills_himself_is_hit_beyond_his_victims():
    found = figures("Police: Man shoots 4 relatives, killing 2, then himself")
    assert (total(found, KILLED).value, hit(found).value) == (3, 5)  # so two were wounded


@pytest.mark.parametrize("sentence, expected", [
    ("Raymone West, Brian Dearmond and Marquise McPherson were also struck by bullets.", [(INJURED, 3)]),
    ("A second man was also shot.", [(VICTIMS, 2)]),  # the running count of the hit
    ("His brother was also shot and killed.", [(KILLED, 1)]),
])
def test_people_also_hit_beside_the_dead_told_before_are_wounded(sentence, expected):
    assert _kinds(sentence) == expected


def test_people_told_of_as_also_hit_are_a_lower_bound_of_the_toll():
    [also] = figures("Prather also fatally shot two of his children.")
    [whole] = figures("Prather fatally shot two of his children.")
    assert (also.kind, also.value, also.high) == (KILLED, 2, None)
    assert whole.high == 2


def test_a_figure_the_sentence_revises_stands_revised():
    found = figures("LMPD reported that four other people were injured; that number was later raised to five.")
    assert total(found, INJURED).value == 5
    found = figures("Police initially said six people had been killed but later revised the figure to five.")
    assert total(found, KILLED).value == 5


@pytest.mark.parametrize("sentence, expected", [
    ("The storm has claimed at least 33 lives across three states.", (KILLED, 33, 33, None)),
    ("The blast cost 12 lives.", (KILLED, 12, 12, 12)),
    ("A shooting that claimed two lives and injured four people.", (KILLED, 2, 2, 2)),
    ("The number of people killed in the quake has passed 5,000.", (KILLED, 5000, 5001, None)),
    ("The death toll topped 100 on Friday.", (KILLED, 100, 101, None)),
])
def test_lives_claimed_and_tolls_passed_are_the_dead(sentence, expected):
    first = figures(sentence)[0]
    assert (first.kind, first.value, first.low, first.high) == expected


def test_lives_saved_are_no_casualties():
    assert figures("Doctors saved 30 lives.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("At least 100 people were reported killed, including children.", [(KILLED, 100)]),
    ("Three soldiers were confirmed dead.", [(KILLED, 3)]),
    ("Two civilians were said to have been killed.", [(KILLED, 2)]),
    ("Four people are believed to have died.", [(KILLED, 4)]),
    ("Unidentified gunmen shot dead a local councillor in Culiacan.", [(KILLED, 1)]),
    ("Two bailiffs were killed in the shooting.", [(KILLED, 2)]),
    ("Two officials were wounded in the attack.", [(INJURED, 2)]),
    ("Twelve people are feared dead after the boat capsized.", [(KILLED, 12)]),
    ("At the time of the shooting Police Chief Calvin Williams said it was a sad day.", []),
])
def test_deaths_reported_or_confirmed_and_the_people_of_war_copy(sentence, expected):
    assert _kinds(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Two men, John Smith, 22, and Bob Jones, 33, were killed.",
    "The two bailiffs, Joseph Zangaro, 61, and Ronald Kienzle, 63, who were killed had served for years.",
])
def test_names_after_a_count_are_the_people_it_counts(sentence):
    assert total(figures(sentence), KILLED).value == 2


def test_the_name_after_a_running_count_is_the_one_person_it_counts():
    # the third hit, not three and one more
    sentence = "A third victim, Richard Hale, 61, suffered a non-life-threatening wound at the store."
    assert [(f.kind, f.value) for f in figures(sentence)] == [(VICTIMS, 3)]


@pytest.mark.parametrize("sentence, hit", [
    ("A juvenile attempting to hide a gun while sitting in the trunk space of an SUV during a traffic stop "
     "shot himself Friday night, police said.", 1),
    ("Police: Juvenile in trunk of SUV attempting to hide gun shoots self", 1),
    ("The boy shot himself in the leg, according to police.", None),  # counted where first told of
    ("He then said he was going to shoot himself.", None),
])
def test_someone_who_shot_himself_is_hit_once(sentence, hit):
    found = figures(sentence)
    assert (found[0].value if found else None) == hit


@pytest.mark.parametrize("sentence, kinds", [
    ("A fire at a nightclub killed 27 people.", ["fire"]),
    ("A bus plunged into a ravine in northern Peru, killing 24.", ["crash"]),
    ("Flash floods killed 25 people in the Swat valley.", ["flood"]),
    ("The earthquake killed at least 1,200 people.", ["earthquake"]),
    ("Tropical Storm Allison killed 22 people.", ["storm"]),
    ("A building collapsed in Lagos, killing eight.", ["collapse"]),
    ("A stampede at the stadium killed 125 people.", ["stampede"]),
    ("A man accused of opening fire outside a nightclub injured five people.", ["shooting"]),
    ("Police returned fire and wounded the suspect, Miami Fire said.", []),
    ("Dylann Storm Roof was captured after the shooting.", ["shooting"]),
    ("He collapsed after being shot.", ["shooting"]),
])
def test_event_types_of_attacks_and_disasters(sentence, kinds):
    assert reader_for("en").event_types(sentence) == kinds


@pytest.mark.parametrize("sentence, expected", [
    ("A man between 25 and 35 years old was shot dead.", [(KILLED, 1)]),
    ("Two men aged 25 and 35 were shot dead.", [(KILLED, 2)]),
    ("Three others, two males and a female between 15 and 20 years old, were injured.", [(INJURED, 3)]),
    ("Three victims, a 25-year-old man, a 26-year-old man, and a 33-year-old man, were taken to a hospital.",
     [(INJURED, 3)]),
    ("Two men, a woman and a boy were shot.", [(VICTIMS, 4)]),
    ("Between 5 and 7 people were killed.", [(KILLED, 5)]),
])
def test_ages_are_no_people_and_an_apposition_is_the_people_it_follows(sentence, expected):
    assert _kinds(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Gunmen kill 12 villagers in northwest Nigeria", [(KILLED, 12)]),
    ("Russian strikes kill 5, injure 20 in Kharkiv", [(KILLED, 5), (INJURED, 20)]),
    ("Drone strikes wound 7 in Odesa", [(INJURED, 7)]),
    ("The men plotted to kill 12 officers.", []),
    ("He threatened to kill 5 people.", []),
    ("Forecasters said the storm could kill 10 people.", []),
    ("The gunmen did not kill 3 hostages.", []),
])
def test_a_headlines_present_tense_is_a_report_and_a_plot_is_not(sentence, expected):
    assert _kinds(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("A bomber struck a mosque, killing nine worshippers and wounding 15, an official said.",
     [(KILLED, 9), (INJURED, 15)]),
    ("Gunmen killed nine and wounded 15, said a local official.", [(KILLED, 9), (INJURED, 15)]),
    ("A car bomb killed eight people and wounded 14, a police officer and a witness said.",
     [(KILLED, 8), (INJURED, 14)]),
    ("Gunmen shot two men, a woman and a child, police said.", [(VICTIMS, 4)]),
    ("Two children, a boy and a girl, were shot.", [(VICTIMS, 2)]),
])
def test_the_source_after_a_comma_is_not_one_more_person(sentence, expected):
    assert _kinds(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The gunman opened fire, killing two and injuring a third.", [(KILLED, 2), (INJURED, 1)]),
    ("Two men were killed and a third was wounded.", [(KILLED, 2), (INJURED, 1)]),
    ("He shot three people to death and seriously injured a fourth.", [(KILLED, 3), (INJURED, 1)]),
    ("A third victim died on Monday.", [(KILLED, 3)]),  # alone, the running count
])
def test_an_ordinal_after_the_people_told_before_is_one_more(sentence, expected):
    assert _kinds(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Gomez later died from his injuries.", {"Gomez"}),
    ("Although McLees died during the altercation, he saved his wife.", {"McLees"}),
    ("Edward suffered gunshot wounds and was taken to Northwestern, where he was pronounced dead.", {"Edward"}),
    ("The man died at the scene.", set()),  # no name
    ("A Florida City teen was killed.", set()),  # a description, not a name
    ("Police said he died at the scene.", set()),
    ("Two men died at the scene.", set()),  # more than one
])
def test_the_name_of_the_one_person_a_sentence_tells_dead(sentence, expected):
    assert dead_named(sentence, figures(sentence)) == expected
